# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import re
import uuid
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import SQL, email_normalize

# How many digits make a search term look like (the end of) a phone number.
PHONE_SEARCH_MIN_DIGITS = 4
# One @, no spaces, a dot in the domain: what a client can be written to.
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
# A client's contact fields that roles below the salon manager may see masked (see _salon_contacts_hidden).
CONTACT_FIELDS = (
    "phone",
    "mobile",
    "email",
    "email_formatted",
    "email_normalized",
    "phone_sanitized",
    "salon_phone_search",
)
# Every digit of a phone number but the last two; every e-mail address in a text.
MASKED_DIGIT_RE = re.compile(r"\d(?=(?:\D*\d){2})")
EMAIL_IN_TEXT_RE = re.compile(r"[^\s<>\"',;]+@[^\s<>\"',;]+")
# Personal fields of the client card erased when a client is forgotten (set to False).
FORGET_FIELDS = (
    "phone",
    "mobile",
    "email",
    "street",
    "street2",
    "city",
    "zip",
    "state_id",
    "vat",
    "website",
    "function",
    "title",
    "comment",
    "ref",
    "image_1920",
    "birthdate_date",
    "salon_gender",
    "salon_preferences",
    "salon_allergies",
    "salon_access_token",
)
# Personal fields of the client's requests and opportunities erased with her (set to False).
FORGET_LEAD_FIELDS = (
    "contact_name",
    "partner_name",
    "email_from",
    "phone",
    "mobile",
    "street",
    "street2",
    "city",
    "zip",
    "website",
    "function",
    "description",
)


def mask_contact(value):
    """``+7 916 123-45-67`` -> ``+* *** ***-**-67``; ``anna@mail.ru`` -> ``a***@***``."""
    if not value or not isinstance(value, str):
        return value
    if "@" in value:
        return EMAIL_IN_TEXT_RE.sub(lambda match: match.group(0)[0] + "***@***", value)
    return MASKED_DIGIT_RE.sub("*", value)


class ResPartner(models.Model):
    """The client card: preferences, warnings, consents and figures kept up to date by the visits."""

    _inherit = "res.partner"
    _rec_names_search = ["complete_name", "email", "ref", "vat", "company_registry", "salon_phone_search"]

    is_salon_client = fields.Boolean(string="Salon Client", index=True, copy=False)
    birthdate_date = fields.Date(string="Birthday")
    salon_gender = fields.Selection(
        [("female", "Female"), ("male", "Male"), ("other", "Other")], string="Client Gender"
    )
    salon_preferred_master_ids = fields.Many2many(
        "hr.employee",
        "beauty_partner_preferred_master_rel",
        "partner_id",
        "employee_id",
        string="Preferred Masters",
        domain="[('is_salon_master', '=', True)]",
    )
    salon_preferences = fields.Text(string="Preferences")
    salon_allergies = fields.Text(
        string="Allergies and Contraindications", help="Shown as a warning whenever the client is booked."
    )
    salon_consent_ids = fields.One2many("beauty.consent", "partner_id", string="Consents")
    salon_personal_data_consent = fields.Boolean(
        compute="_compute_salon_consents", store=True, string="Personal Data Consent"
    )
    salon_marketing_email = fields.Boolean(
        compute="_compute_salon_consents", store=True, string="Marketing E-mails"
    )
    salon_marketing_sms = fields.Boolean(
        compute="_compute_salon_consents", store=True, string="Marketing SMS"
    )
    salon_access_token = fields.Char(copy=False, groups="base.group_system")
    salon_phone_search = fields.Char(
        string="Phone (any format)",
        store=False,
        search="_search_salon_phone_search",
        compute="_compute_salon_phone_search",
    )
    salon_duplicate_ids = fields.Many2many(
        "res.partner", compute="_compute_salon_duplicate_ids", string="Possible Duplicates"
    )
    salon_visit_ids = fields.One2many("beauty.visit", "partner_id", string="Visits")
    salon_next_booking = fields.Datetime(compute="_compute_salon_next_booking", string="Next Booking")
    salon_currency_id = fields.Many2one("res.currency", compute="_compute_salon_currency_id")
    # Figures kept up to date by _salon_refresh_stats (one SQL statement for any number of clients).
    salon_first_visit = fields.Datetime(string="First Visit", readonly=True, copy=False)
    salon_last_visit = fields.Datetime(string="Last Visit", readonly=True, copy=False)
    salon_visit_count = fields.Integer(string="Visits Done", readonly=True, copy=False)
    salon_no_show_count = fields.Integer(string="No-shows", readonly=True, copy=False)
    salon_late_cancel_count = fields.Integer(string="Late Cancellations", readonly=True, copy=False)
    salon_total_spent = fields.Monetary(
        string="Total Spent",
        currency_field="salon_currency_id",
        readonly=True,
        copy=False,
        help="Lifetime value.",
    )
    salon_average_check = fields.Monetary(
        string="Average Check", currency_field="salon_currency_id", readonly=True, copy=False
    )
    salon_average_interval = fields.Float(string="Average Interval (days)", readonly=True, copy=False)
    salon_next_expected = fields.Date(string="Next Expected Visit", readonly=True, copy=False)
    salon_overdue_from = fields.Date(
        string="Overdue From",
        readonly=True,
        copy=False,
        help="The client is overdue when this day has passed.",
    )
    salon_is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_salon_is_overdue", search="_search_salon_is_overdue"
    )
    salon_birthday_this_week = fields.Boolean(
        compute="_compute_salon_birthday_this_week", search="_search_salon_birthday_this_week"
    )
    salon_favorite_master_id = fields.Many2one(
        "hr.employee", string="Favourite Master", readonly=True, copy=False
    )
    salon_favorite_service_id = fields.Many2one(
        "product.product", string="Favourite Service", readonly=True, copy=False
    )
    # What a client notebook said before the salon used Odoo (see the import wizard).
    salon_imported_visit_count = fields.Integer(string="Visits Before Odoo", copy=False)
    salon_imported_spent = fields.Monetary(
        string="Spent Before Odoo", currency_field="salon_currency_id", copy=False
    )
    salon_imported_last_visit = fields.Date(string="Last Visit Before Odoo", copy=False)
    salon_registration_date = fields.Date(string="Client Since", copy=False)
    salon_forgotten_date = fields.Datetime(
        string="Personal Data Erased On",
        readonly=True,
        copy=False,
        help="The client was forgotten: her personal data is gone, her visits and invoices are kept.",
    )

    # ------------------------------------------------------------------ computes
    @api.depends("salon_consent_ids.active_consent", "salon_consent_ids.purpose", "salon_consent_ids.channel")
    def _compute_salon_consents(self):
        for partner in self:
            active = partner.salon_consent_ids.filtered("active_consent")
            marketing = active.filtered(lambda c: c.purpose == "marketing")
            partner.salon_personal_data_consent = any(c.purpose == "personal_data" for c in active)
            partner.salon_marketing_email = any(c.channel == "email" for c in marketing)
            partner.salon_marketing_sms = any(c.channel == "sms" for c in marketing)

    def _compute_salon_phone_search(self):
        for partner in self:
            partner.salon_phone_search = partner.phone or partner.mobile

    def _compute_salon_currency_id(self):
        for partner in self:
            partner.salon_currency_id = self.env.company.currency_id

    @api.depends("phone", "mobile", "email")
    def _compute_salon_duplicate_ids(self):
        for partner in self:
            partner.salon_duplicate_ids = partner._salon_find_duplicates()

    def _compute_salon_next_booking(self):
        upcoming = dict(
            self.env["beauty.visit"]._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "in", ("draft", "confirmed")),
                    ("date_start", ">=", fields.Datetime.now()),
                ],
                ["partner_id"],
                ["date_start:min"],
            )
        )
        for partner in self:
            partner.salon_next_booking = upcoming.get(partner._origin, False)

    def _compute_salon_is_overdue(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.salon_is_overdue = bool(partner.salon_overdue_from and partner.salon_overdue_from < today)

    def _search_salon_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                self.env._("Search on Overdue supports only = and != with True or False.")
            )
        today = fields.Date.context_today(self)
        overdue = [("salon_overdue_from", "<", today)]
        return (
            overdue
            if (operator == "=") == value
            else ["|", ("salon_overdue_from", "=", False), ("salon_overdue_from", ">=", today)]
        )

    def _birthday_days(self):
        """(month, day) of today and the six days after it."""
        today = fields.Date.context_today(self)
        return [((today + timedelta(days=n)).month, (today + timedelta(days=n)).day) for n in range(7)]

    def _compute_salon_birthday_this_week(self):
        days = self._birthday_days()
        for partner in self:
            birthday = partner.birthdate_date
            partner.salon_birthday_this_week = bool(birthday) and (birthday.month, birthday.day) in days

    def _search_salon_birthday_this_week(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(
                self.env._("Search on birthdays supports only = and != with True or False.")
            )
        self.flush_model(["birthdate_date"])
        rows = self.env.execute_query(
            SQL(
                """SELECT id FROM res_partner
                    WHERE birthdate_date IS NOT NULL
                      AND (EXTRACT(MONTH FROM birthdate_date)::int,
                           EXTRACT(DAY FROM birthdate_date)::int) IN %s""",
                tuple(self._birthday_days()),
            )
        )
        ids = [row[0] for row in rows]
        return [("id", "in" if (operator == "=") == value else "not in", ids)]

    # ------------------------------------------------------------------ phones
    @api.model
    def _salon_normalize_phone(self, number, country=None):
        """``number`` as E.164 (``+79161234567``) read with the country's conventions, or None."""
        if not number:
            return None
        country = country or self.env.company.country_id or self.env.ref("base.ru")
        return self._phone_format(number=number, country=country, force_format="E164") or None

    @api.model
    def _salon_format_phone(self, number, country=None):
        """A valid number in international form (``+7 916 123-45-67``); anything else unchanged."""
        country = country or self.env.company.country_id or self.env.ref("base.ru")
        return self._phone_format(number=number, country=country, force_format="INTERNATIONAL") or number

    @api.model
    def _salon_clean_email(self, text):
        """``text`` as a normalised e-mail address, or None when it is not one."""
        normalized = email_normalize((text or "").strip())
        return normalized if normalized and EMAIL_RE.fullmatch(normalized) else None

    def _search_salon_phone_search(self, operator, value):
        """Find clients by any typed form of a number (``8 916 …``, ``+7(916)…``, ``916…``) or its end."""
        if not isinstance(value, str) or operator not in ("=", "ilike", "like", "=ilike", "=like"):
            return [("id", "=", False)]
        digits = re.sub(r"\D", "", value)
        if len(digits) < PHONE_SEARCH_MIN_DIGITS or re.search(r"[^\d\s()+\-.]", value):
            return [("id", "=", False)]
        e164 = self._salon_normalize_phone(value) if len(digits) >= 10 else None
        pattern = e164[1:] if e164 else f"%{digits}"
        self.flush_model(["phone", "mobile"])
        rows = self.env.execute_query(
            SQL(
                """SELECT id FROM res_partner
                    WHERE regexp_replace(coalesce(phone, ''), '\\D', '', 'g') LIKE %(pattern)s
                       OR regexp_replace(coalesce(mobile, ''), '\\D', '', 'g') LIKE %(pattern)s""",
                pattern=pattern,
            )
        )
        return [("id", "in", [row[0] for row in rows])]

    def _salon_find_duplicates(self):
        """Other contacts with the same phone (E.164) or e-mail as this one."""
        self.ensure_one()
        domain = []
        phone = self._salon_normalize_phone(self.phone or self.mobile, self.country_id)
        if phone:
            domain.append([("phone_sanitized", "=", phone)])
        if self.email_normalized:
            domain.append([("email_normalized", "=", self.email_normalized)])
        if not domain:
            return self.browse()
        search = ["|", *domain[0], *domain[1]] if len(domain) == 2 else domain[0]
        return self.search(search + [("id", "!=", self._origin.id or 0)], limit=5)

    @api.model
    def _salon_find_client(self, phone=None, email=None):
        """The existing client with this phone (any format) or, failing that, this e-mail."""
        e164 = self._salon_normalize_phone(phone)
        if e164:
            found = self.search([("phone_sanitized", "=", e164)], limit=1, order="is_salon_client desc, id")
            if found:
                return found
        normalized = email_normalize(email) if email else None
        if normalized:
            found = self.search(
                [("email_normalized", "=", normalized)], limit=1, order="is_salon_client desc, id"
            )
            if found:
                return found
        return self.browse()

    @api.onchange("phone", "mobile", "email")
    def _onchange_salon_duplicates(self):
        duplicates = (
            self._salon_find_duplicates() if (self.phone or self.mobile or self.email) else self.browse()
        )
        if duplicates:
            return {
                "warning": {
                    "title": self.env._("Possible duplicate"),
                    "message": self.env._(
                        "A contact with this phone or e-mail already exists: %(names)s.",
                        names=", ".join(duplicates.mapped("display_name")),
                    ),
                }
            }
        return None

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._salon_format_phone_vals(vals)
        return super().create(vals_list)

    def _read_format(self, fnames, load="_classic_read"):
        """Clients' phones and e-mails come out masked for the roles that may not see them."""
        result = super()._read_format(fnames, load=load)
        masked = [fname for fname in fnames if fname in CONTACT_FIELDS]
        if masked and self._salon_contacts_hidden():
            clients = set(self.filtered("is_salon_client").ids) - {self.env.user.partner_id.id}
            for vals in result:
                if vals["id"] in clients:
                    vals.update((fname, mask_contact(vals[fname])) for fname in masked)
        return result

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        """Every export passes here, including a client's fields exported from her visits or orders."""
        self._salon_check_export()
        return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)

    def write(self, vals):
        if self._salon_contacts_hidden() and any(
            "*" in (vals.get(fname) or "") for fname in ("phone", "mobile", "email")
        ):
            raise UserError(
                self.env._("Client contacts are hidden from you: type the whole new phone or e-mail.")
            )
        if {"phone", "mobile"} & set(vals) and len(self) == 1:
            self._salon_format_phone_vals(vals, self.country_id)
        elif {"phone", "mobile"} & set(vals):
            self._salon_format_phone_vals(vals)
        return super().write(vals)

    @api.model
    def _salon_format_phone_vals(self, vals, country=None):
        if vals.get("country_id"):
            country = self.env["res.country"].browse(vals["country_id"])
        for fname in ("phone", "mobile"):
            if vals.get(fname):
                vals[fname] = self._salon_format_phone(vals[fname], country)

    # ------------------------------------------------------------------ privacy
    @api.model
    def _salon_contacts_hidden(self):
        """Does the current user see clients' phones and e-mails masked?

        Masters always do; reception does where its branch hides client contacts; managers, users outside
        the salon and the system never do. Booking, phone search and messages run on the real values.
        """
        if self.env.su:
            return False
        user = self.env.user
        if user.has_group("beauty_salon.beauty_salon_group_manager") or not user.has_group(
            "beauty_salon.beauty_salon_group_master"
        ):
            return False
        if not user.has_group("beauty_salon.beauty_salon_group_user"):
            return True
        return self.env.company.salon_hide_client_contacts

    def _salon_check_export(self):
        """Refuse an export that contains salon clients to whoever is not a salon manager."""
        if self.env.su or self.env.user.has_group("beauty_salon.beauty_salon_group_manager"):
            return
        restricted = self.env.company.salon_restrict_client_export or self._salon_contacts_hidden()
        if restricted and any(self.mapped("is_salon_client")):
            raise UserError(self.env._("Only a salon manager can export clients."))

    def action_salon_forget(self):
        """The manager's "Forget Client" button (after a confirmation): erase her personal data."""
        if not self.env.user.has_group("beauty_salon.beauty_salon_group_manager"):
            raise AccessError(self.env._("Only a salon manager can erase a client's personal data."))
        self._salon_forget(self.env._("at the client's request"))
        return True

    def _salon_forget(self, reason):
        """Irreversibly anonymise these clients; their visits, orders, invoices, payroll and consents stay.

        Erased: the card's personal fields and photo, the photos and notes of her visits, her requests'
        contacts, the bodies of the messages about her or to her, her pending e-mails and SMS, her online
        booking attempts and her links. A note without personal data records who did it and when.
        """
        refused = self.filtered(lambda p: not p.is_salon_client or p.sudo().user_ids)
        if refused:
            raise UserError(
                self.env._(
                    "%(name)s is not a salon client or is a user: it cannot be forgotten.",
                    name=refused[0].display_name,
                )
            )
        # sudo: the caller is a manager (action_salon_forget) or the retention job; the erasure must reach
        # every trace of the client whatever the record rules (other branches, other users' messages).
        partners = self.sudo().with_context(active_test=False, tracking_disable=True, salon_no_messages=True)
        partners = partners.filtered(lambda p: not p.salon_forgotten_date)
        if not partners:
            return True
        env = partners.env
        visits = env["beauty.visit"].search([("partner_id", "in", partners.ids)])
        leads = env["crm.lead"].search([("partner_id", "in", partners.ids)])
        records = {"res.partner": partners.ids, "beauty.visit": visits.ids, "crm.lead": leads.ids}
        on_records = [[("model", "=", model), ("res_id", "in", ids)] for model, ids in records.items()]
        of_records = [[("res_model", "=", model), ("res_id", "in", ids)] for model, ids in records.items()]
        phones = set()
        for partner in partners:
            for number in filter(None, (partner.phone, partner.mobile)):
                phones |= {number, partner._salon_normalize_phone(number, partner.country_id) or number}
        emails = {partner.email_normalized for partner in partners if partner.email_normalized}
        # Outgoing e-mails and SMS still queued or kept, to her or about her.
        mail_domain = [("recipient_ids", "in", partners.ids)]
        for email in emails:
            mail_domain = ["|", *mail_domain, ("email_to", "ilike", email)]
        env["mail.mail"].search(mail_domain).unlink()
        env["sms.sms"].search(
            ["|", ("partner_id", "in", partners.ids), ("number", "in", list(phones))]
        ).unlink()
        # Messages on her card, visits and requests lose their files and tracked values; those written by
        # her or sent to her elsewhere (orders, invoices) keep their documents. Every body is emptied, except
        # in the accounting audit trail (Invoicing's setting), which the law makes the salon keep.
        Message = env["mail.message"]
        own = Message.search(expression.OR(on_records))
        others = Message.search(["|", ("author_id", "in", partners.ids), ("partner_ids", "in", partners.ids)])
        own, others = (
            msgs.filtered(lambda m: not m.account_audit_log_activated) for msgs in (own, others - own)
        )
        own.attachment_ids.unlink()
        own.tracking_value_ids.unlink()
        (own | others).write(
            {"body": "", "subject": False, "email_from": False, "reply_to": False, "record_name": False}
        )
        env["mail.activity"].search(expression.OR(of_records)).unlink()
        env["mail.followers"].search([("partner_id", "in", partners.ids)]).unlink()
        # Photos and files of her card and visits.
        attachments = env["ir.attachment"].search(expression.OR(of_records))
        (attachments | visits.photo_ids).unlink()
        visits.with_context(salon_correction=True).write({"note": False, "access_token": False})
        visits.line_ids.with_context(salon_correction=True).write({"note": False})
        lead_vals = dict.fromkeys([fname for fname in FORGET_LEAD_FIELDS if fname in leads._fields], False)
        leads.write(dict(lead_vals, name=self.env._("Forgotten client")))
        env["beauty.booking.attempt"].search([("phone", "in", list(phones))]).unlink()
        now = fields.Datetime.now()
        for partner in partners:
            partner.write(
                dict(
                    dict.fromkeys(FORGET_FIELDS, False),
                    name=self.env._("Forgotten client %(number)s", number=partner.id),
                    salon_preferred_master_ids=[Command.clear()],
                    salon_forgotten_date=now,
                    active=False,
                )
            )
            partner.message_post(
                body=self.env._(
                    "Personal data erased by %(user)s on %(date)s (%(reason)s). Visits, invoices and "
                    "consents are kept.",
                    user=self.env.user.name,
                    date=fields.Datetime.to_string(now),
                    reason=reason,
                ),
                author_id=self.env.user.partner_id.id,
            )
        return True

    @api.model
    def _cron_salon_forget_inactive(self):
        """Nightly: forget the clients of branches with a retention period who have not come for that long.

        A branch's period applies to the clients who visited it, or belong to it, or (with no visit at all)
        to no branch; a visit in any branch after the cut-off, or a booking still ahead, keeps a client.
        """
        now = fields.Datetime.now()
        self.env["beauty.visit"].flush_model(["partner_id", "company_id", "date_start"])
        self.flush_model(
            ["is_salon_client", "salon_forgotten_date", "salon_imported_last_visit", "company_id"]
        )
        for company in self.env["res.company"].search([("salon_retention_years", ">", 0)]):
            cutoff = now - relativedelta(years=company.salon_retention_years)
            rows = self.env.execute_query(
                SQL(
                    """SELECT p.id FROM res_partner p
                        WHERE p.is_salon_client
                          AND p.salon_forgotten_date IS NULL
                          AND p.create_date < %(cutoff)s
                          AND COALESCE(p.salon_imported_last_visit < %(cutoff)s, TRUE)
                          AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = p.id)
                          AND NOT EXISTS (SELECT 1 FROM beauty_visit v
                                           WHERE v.partner_id = p.id AND v.date_start >= %(cutoff)s)
                          AND (p.company_id = %(company)s
                               OR EXISTS (SELECT 1 FROM beauty_visit v
                                           WHERE v.partner_id = p.id AND v.company_id = %(company)s)
                               OR (p.company_id IS NULL AND NOT EXISTS (
                                       SELECT 1 FROM beauty_visit v WHERE v.partner_id = p.id)))""",
                    cutoff=cutoff,
                    company=company.id,
                )
            )
            self.browse([row[0] for row in rows])._salon_forget(
                self.env._(
                    "no visit to %(branch)s for %(years)s years",
                    branch=company.name,
                    years=company.salon_retention_years,
                )
            )
        return True

    # ------------------------------------------------------------------ consents and messages
    def _salon_can_message(self, channel, marketing=False):
        """May this client get a message on ``channel`` ('email' or 'sms')?

        Every message needs the personal-data consent; marketing needs the channel's marketing opt-in;
        Odoo's e-mail and phone blacklists always win.
        """
        self.ensure_one()
        if not self.salon_personal_data_consent:
            return False
        if channel == "email":
            return (
                bool(self.email_normalized)
                and not self.is_blacklisted
                and (not marketing or self.salon_marketing_email)
            )
        return (
            bool(self.phone_sanitized)
            and not self.phone_sanitized_blacklisted
            and (not marketing or self.salon_marketing_sms)
        )

    def _salon_ensure_access_token(self):
        """The token of the client's own "my visits" link (created on first use)."""
        self.ensure_one()
        partner = self.sudo()  # sudo: the token is only readable by the system, it is sent to the client
        if not partner.salon_access_token:
            partner.salon_access_token = uuid.uuid4().hex
        return partner.salon_access_token

    # ------------------------------------------------------------------ actions
    def action_salon_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("beauty_salon.beauty_visit_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_salon_create_winback(self):
        """One win-back opportunity (with a call activity) per client without an open one."""
        team = self.env.ref("beauty_salon.crm_team_salon_clients")
        tag = self.env.ref("beauty_salon.crm_tag_salon_winback")
        open_leads = self.env["crm.lead"].search(
            [("partner_id", "in", self.ids), ("tag_ids", "in", tag.ids), ("stage_id.is_won", "=", False)]
        )
        partners = self - open_leads.partner_id
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": self.env._("Win-back: %(name)s", name=partner.name),
                    "partner_id": partner.id,
                    "type": "opportunity",
                    "team_id": team.id,
                    "tag_ids": [Command.link(tag.id)],
                    "user_id": self.env.uid,
                }
                for partner in partners
            ]
        )
        for lead in leads:
            lead.activity_schedule(
                "mail.mail_activity_data_call",
                summary=self.env._("Invite the client back"),
                user_id=self.env.uid,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s win-back opportunities created.", count=len(leads)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # ------------------------------------------------------------------ figures
    def _salon_refresh_stats(self):
        """Recompute the client figures of these partners (all salon clients when empty) in one statement."""
        company = self.env.company
        filters = SQL("p.id = ANY(%s)", self.ids) if self else SQL("p.is_salon_client")
        self.env["beauty.visit"].flush_model()
        self.env["beauty.visit.line"].flush_model()
        self.env["account.move"].flush_model(["partner_id", "move_type", "state", "amount_total_signed"])
        self.flush_model()
        if not self:
            # Every client at once: hash joins and sorts in memory; JIT compilation would cost more than
            # it saves on this one-off statement.
            self.env.cr.execute("SET LOCAL work_mem = '256MB'")
            self.env.cr.execute("SET LOCAL jit = off")
        self.env.cr.execute(
            SQL(
                """
                WITH clients AS (SELECT p.id FROM res_partner p WHERE %(filters)s),
                visits AS (
                    SELECT v.partner_id,
                           MIN(v.date_start) FILTER (WHERE v.state = 'done') AS first_done,
                           MAX(v.date_start) FILTER (WHERE v.state = 'done') AS last_done,
                           COUNT(*) FILTER (WHERE v.state = 'done') AS done,
                           COUNT(*) FILTER (WHERE v.state = 'no_show') AS no_shows,
                           COUNT(*) FILTER (WHERE v.state = 'cancelled' AND v.late_cancel) AS late_cancels
                      FROM beauty_visit v JOIN clients c ON c.id = v.partner_id
                     GROUP BY v.partner_id
                ),
                masters AS (
                    SELECT DISTINCT ON (l.partner_id) l.partner_id, l.master_id
                      FROM beauty_visit_line l JOIN clients c ON c.id = l.partner_id
                     WHERE l.state = 'done'
                     GROUP BY l.partner_id, l.master_id
                     ORDER BY l.partner_id, COUNT(*) DESC, MAX(l.date_start) DESC
                ),
                services AS (
                    SELECT DISTINCT ON (l.partner_id) l.partner_id, l.service_id
                      FROM beauty_visit_line l JOIN clients c ON c.id = l.partner_id
                     WHERE l.state = 'done'
                     GROUP BY l.partner_id, l.service_id
                     ORDER BY l.partner_id, COUNT(*) DESC, MAX(l.date_start) DESC
                ),
                spent AS (
                    SELECT m.partner_id, SUM(m.amount_total_signed) AS amount
                      FROM account_move m JOIN clients c ON c.id = m.partner_id
                     WHERE m.state = 'posted' AND m.move_type IN ('out_invoice', 'out_refund')
                     GROUP BY m.partner_id
                ),
                figures AS (
                    SELECT c.id,
                           LEAST(v.first_done, p.salon_registration_date::timestamp) AS first_visit,
                           GREATEST(v.last_done, p.salon_imported_last_visit::timestamp) AS last_visit,
                           COALESCE(v.done, 0) + COALESCE(p.salon_imported_visit_count, 0) AS visit_count,
                           COALESCE(v.no_shows, 0) AS no_shows,
                           COALESCE(v.late_cancels, 0) AS late_cancels,
                           COALESCE(s.amount, 0) + COALESCE(p.salon_imported_spent, 0) AS spent,
                           mt.master_id, sv.service_id
                      FROM clients c
                      JOIN res_partner p ON p.id = c.id
                      LEFT JOIN visits v ON v.partner_id = c.id
                      LEFT JOIN spent s ON s.partner_id = c.id
                      LEFT JOIN masters mt ON mt.partner_id = c.id
                      LEFT JOIN services sv ON sv.partner_id = c.id
                ),
                rhythm AS (
                    SELECT f.*,
                           CASE WHEN f.visit_count >= 2 AND f.last_visit > f.first_visit
                                THEN EXTRACT(EPOCH FROM f.last_visit - f.first_visit) / 86400.0
                                     / (f.visit_count - 1)
                           END AS interval_days
                      FROM figures f
                )
                UPDATE res_partner p
                   SET salon_first_visit = r.first_visit,
                       salon_last_visit = r.last_visit,
                       salon_visit_count = r.visit_count,
                       salon_no_show_count = r.no_shows,
                       salon_late_cancel_count = r.late_cancels,
                       salon_total_spent = r.spent,
                       salon_average_check = r.average,
                       salon_average_interval = COALESCE(r.interval_days, 0)::float8,
                       salon_next_expected = r.expected,
                       salon_overdue_from = r.overdue_from,
                       salon_favorite_master_id = r.master_id,
                       salon_favorite_service_id = r.service_id
                  FROM (SELECT r.*,
                               CASE WHEN r.visit_count > 0 THEN r.spent / r.visit_count ELSE 0 END AS average,
                               (r.last_visit + make_interval(secs => r.interval_days * 86400))::date
                                   AS expected,
                               CASE
                                   WHEN r.last_visit IS NULL THEN NULL
                                   WHEN r.visit_count >= %(min_visits)s AND r.interval_days IS NOT NULL
                                       THEN (r.last_visit + make_interval(
                                                secs => r.interval_days * 86400 * %(factor)s))::date
                                   ELSE (r.last_visit + make_interval(days => %(window)s))::date
                               END AS overdue_from
                          FROM rhythm r) r
                 WHERE p.id = r.id
                   -- rows whose figures did not change are not rewritten
                   AND (p.salon_first_visit, p.salon_last_visit, p.salon_visit_count, p.salon_no_show_count,
                        p.salon_late_cancel_count, p.salon_total_spent, p.salon_average_check,
                        p.salon_average_interval, p.salon_next_expected, p.salon_overdue_from,
                        p.salon_favorite_master_id, p.salon_favorite_service_id)
                       IS DISTINCT FROM
                       (r.first_visit, r.last_visit, r.visit_count, r.no_shows, r.late_cancels, r.spent,
                        r.average, COALESCE(r.interval_days, 0)::float8, r.expected, r.overdue_from,
                        r.master_id, r.service_id)
                """,
                filters=filters,
                min_visits=company.salon_overdue_min_visits,
                factor=company.salon_overdue_factor,
                window=company.salon_overdue_window_days,
            )
        )
        fnames = [name for name in self._fields if name.startswith("salon_") and self._fields[name].store]
        self.invalidate_model(fnames)
        return True

    @api.model
    def _cron_salon_refresh_stats(self):
        """Nightly: the overdue dates of every client follow the branch settings and new payments."""
        self.browse()._salon_refresh_stats()
