# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import logging
from datetime import time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from .beauty_message_log import PURPOSES

_logger = logging.getLogger(__name__)

MARKETING_PURPOSES = {"birthday", "winback"}
# Only within these hours (branch time) are marketing messages sent; transactional ones go at once.
QUIET_UNTIL, QUIET_FROM = time(9, 0), time(21, 0)
# Follow-ups are not sent for visits older than this.
FOLLOW_UP_HORIZON = timedelta(days=7)


class BeautyMessageRule(models.Model):
    """When and how a branch sends each kind of message (e-mail and/or SMS templates, on/off, timing)."""

    _name = "beauty.message.rule"
    _description = "Salon Message Rule"
    _order = "company_id, sequence, id"

    purpose = fields.Selection(PURPOSES, required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Branch", help="Empty: every branch without a rule of its own for this purpose."
    )
    offset_hours = fields.Float(
        string="Timing (h)",
        help="Reminders: hours before the start. Thank-you and no-show follow-up: hours after the visit.",
    )
    mail_template_id = fields.Many2one("mail.template", string="E-mail Template", ondelete="restrict")
    sms_template_id = fields.Many2one("sms.template", string="SMS Template", ondelete="restrict")

    _sql_constraints = [
        ("purpose_company_unique", "UNIQUE(purpose, company_id)", "One rule per purpose and branch."),
    ]

    # ------------------------------------------------------------------ rule lookup
    @api.model
    def _rule_for(self, purpose, company):
        rules = self.search([("purpose", "=", purpose), ("company_id", "in", [company.id, False])])
        return rules.sorted(lambda r: not r.company_id)[:1]

    # ------------------------------------------------------------------ sending
    def _send(self, records, key_fn=None):
        """Send this rule's message for ``records`` (visits or partners), once per occasion.

        Each message runs in its own savepoint: one that fails is neither sent nor marked, and is retried
        at the next run; the others go on.
        """
        self.ensure_one()
        sent = 0
        for record in records:
            visit = record if record._name == "beauty.visit" else None
            partner = visit.partner_id if visit else record
            key = key_fn(record) if key_fn else f"visit:{record.id}"
            try:
                with self.env.cr.savepoint():
                    log_id = self._claim(partner, visit, key)
                    if log_id:
                        self._deliver(record, partner, log_id)
                        sent += 1
            except Exception:  # noqa: BLE001 - one broken message (bad template, address) must not stop the rest
                _logger.info(
                    "Salon message %s for %s not sent; retried at the next run", self.purpose, record
                )
        return sent

    def _claim(self, partner, visit, key):
        """Insert the log row and return its id; None when this occasion was already handled (here or
        by another worker, whose insert this one waits for)."""
        rows = self.env.execute_query(
            SQL(
                """INSERT INTO beauty_message_log (partner_id, visit_id, purpose, key, date, company_id,
                                                   create_uid, create_date, write_uid, write_date)
                   VALUES (%(partner)s, %(visit)s, %(purpose)s, %(key)s, %(now)s, %(company)s,
                           %(uid)s, %(now)s, %(uid)s, %(now)s)
                   ON CONFLICT (partner_id, purpose, key) DO NOTHING RETURNING id""",
                partner=partner.id,
                visit=visit.id if visit else None,
                purpose=self.purpose,
                key=key,
                company=(visit.company_id if visit else self.company_id).id or None,
                uid=self.env.uid,
                now=fields.Datetime.now(),
            )
        )
        return rows[0][0] if rows else None

    def _deliver(self, record, partner, log_id):
        """Queue the e-mail and/or SMS (sent by Odoo's queues after commit) and post them in the chatter."""
        marketing = self.purpose in MARKETING_PURPOSES
        channels = []
        if self.mail_template_id and partner._salon_can_message("email", marketing):
            # The composer would post an empty e-mail on a rendering error: render first, so it raises.
            self.mail_template_id._render_field("body_html", record.ids, compute_lang=True)
            record.with_context(mail_notify_force_send=False).message_post_with_source(
                self.mail_template_id, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
            channels.append("email")
        if self.sms_template_id and partner._salon_can_message("sms", marketing):
            record._message_sms_with_template(
                template=self.sms_template_id, partner_ids=partner.ids, put_in_queue=True
            )
            channels.append("sms")
        self.env.cr.execute(
            SQL(
                "UPDATE beauty_message_log SET channels = %s WHERE id = %s",
                ",".join(channels) or "none",
                log_id,
            )
        )

    # ------------------------------------------------------------------ scheduling
    @api.model
    def _cron_send_due(self):
        """Every few minutes: reminders, thank-you notes, no-show follow-ups, birthdays and win-backs."""
        now = fields.Datetime.now()
        for rule in self.search([("active", "=", True)]):
            rule._send_due(now)
        return True

    def _branch_visits(self, domain):
        """Visits this rule applies to (its branch, or every branch without a rule of its own)."""
        if self.company_id:
            return self.env["beauty.visit"].search(domain + [("company_id", "=", self.company_id.id)])
        own = self.search([("purpose", "=", self.purpose), ("company_id", "!=", False)]).company_id
        return self.env["beauty.visit"].search(domain + [("company_id", "not in", own.ids)])

    def _send_due(self, now):
        self.ensure_one()
        offset = timedelta(hours=self.offset_hours)
        if self.purpose == "confirmation":
            # Catch-up for bookings whose confirmation could not be queued when they were made.
            visits = self._branch_visits(
                [
                    ("state", "in", ("draft", "confirmed")),
                    ("date_start", ">", now),
                    ("create_date", ">=", now - timedelta(days=1)),
                ]
            )
        elif self.purpose in ("reminder_1", "reminder_2"):
            visits = self._branch_visits(
                [
                    ("state", "in", ("draft", "confirmed")),
                    ("date_start", ">", now),
                    ("date_start", "<=", now + offset),
                ]
            ).filtered(lambda v: v.create_date <= v.date_start - offset)
        elif self.purpose == "thank_you":
            visits = self._branch_visits(
                [
                    ("state", "=", "done"),
                    ("date_stop", "<=", now - offset),
                    ("date_stop", ">=", now - FOLLOW_UP_HORIZON),
                ]
            )
        elif self.purpose == "no_show":
            visits = self._branch_visits(
                [
                    ("state", "=", "no_show"),
                    ("date_start", "<=", now - offset),
                    ("date_start", ">=", now - FOLLOW_UP_HORIZON),
                ]
            )
        else:
            return self._send_to_clients(now)
        return self._send(visits)

    def _send_to_clients(self, now):
        """Birthday greetings (once a year) and win-back messages (once per lapse), in daytime only."""
        company = self.company_id or self.env.company
        tz = pytz.timezone(company.partner_id.tz or self.env.user.tz or "Europe/Moscow")
        local = pytz.utc.localize(now).astimezone(tz)
        if not QUIET_UNTIL <= local.time() < QUIET_FROM:
            return 0
        Partner = self.env["res.partner"]
        if self.purpose == "birthday":
            Partner.flush_model(["birthdate_date", "is_salon_client"])
            rows = self.env.execute_query(
                SQL(
                    """SELECT id FROM res_partner WHERE is_salon_client AND active
                          AND EXTRACT(MONTH FROM birthdate_date) = %s
                          AND EXTRACT(DAY FROM birthdate_date) = %s""",
                    local.month,
                    local.day,
                )
            )
            partners = Partner.browse(row[0] for row in rows)
            return self._send(partners, key_fn=lambda p: str(local.year))
        overdue = Partner.search([("is_salon_client", "=", True), ("salon_is_overdue", "=", True)])
        booked = (
            self.env["beauty.visit"]
            .search(
                [
                    ("partner_id", "in", overdue.ids),
                    ("state", "in", ("draft", "confirmed")),
                    ("date_start", ">", now),
                ]
            )
            .partner_id
        )
        return self._send(overdue - booked, key_fn=lambda p: fields.Date.to_string(p.salon_last_visit.date()))

    @api.model
    def _send_for_visits(self, purpose, visits):
        """Send ``purpose`` for these visits now, with each branch's rule (used at booking time)."""
        for company in visits.company_id:
            rule = self._rule_for(purpose, company)
            if rule:
                rule._send(visits.filtered(lambda v, c=company: v.company_id == c))
        return True
