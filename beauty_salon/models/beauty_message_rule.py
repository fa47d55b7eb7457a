# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import logging
from datetime import time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL, split_every

from .beauty_message_log import PURPOSES

_logger = logging.getLogger(__name__)

MARKETING_PURPOSES = {"birthday", "winback"}
# Only within these hours (branch time) are marketing messages sent; transactional ones go at once.
QUIET_UNTIL, QUIET_FROM = time(9, 0), time(21, 0)
# Follow-ups are not sent for visits older than this.
FOLLOW_UP_HORIZON = timedelta(days=7)
# Messages claimed, rendered and queued together.
SEND_BATCH = 500


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
    channel_mode = fields.Selection(
        [
            ("both", "E-mail and SMS"),
            ("sms_first", "SMS, or e-mail when SMS is not possible"),
            ("email_first", "E-mail, or SMS when e-mail is not possible"),
        ],
        string="Channels",
        required=True,
        default="both",
        help="A cascade sends one message per occasion: through the first channel the client may be "
        "reached on (phone or e-mail, consent, blacklist), else through the other one.",
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
    def _send(self, records, keys=None):
        """Send this rule's message for ``records`` (visits or partners), once per occasion (``keys``: the
        occasion of each record by id; a visit's own id by default).

        Occasions already handled are dropped first; the rest go in batches, each claimed, rendered and
        queued in one savepoint. A batch that fails is retried record by record, so one broken message
        (a template error, a bad address) is neither sent nor marked - it is retried at the next run -
        and does not hold back the others.
        """
        self.ensure_one()
        keys = keys or {record.id: f"visit:{record.id}" for record in records}
        pending = self._drop_handled(records, keys)
        sent = 0
        for batch in split_every(SEND_BATCH, pending.ids, records.browse):
            try:
                with self.env.cr.savepoint():
                    sent += self._send_batch(batch, keys)
            except Exception:  # noqa: BLE001 - isolate the broken message below
                sent += self._send_one_by_one(batch, keys)
        return sent

    def _send_one_by_one(self, records, keys):
        sent = 0
        for record in records:
            try:
                with self.env.cr.savepoint():
                    sent += self._send_batch(record, keys)
            except Exception:  # noqa: BLE001 - one broken message must not stop the rest
                _logger.info(
                    "Salon message %s for %s not sent; retried at the next run", self.purpose, record
                )
        return sent

    @staticmethod
    def _client_of(record):
        return record.partner_id if record._name == "beauty.visit" else record

    def _drop_handled(self, records, keys):
        """``records`` without those whose occasion is already in the log."""
        if not records:
            return records
        self.env["beauty.message.log"].flush_model()
        handled = set(
            self.env.execute_query(
                SQL(
                    """SELECT partner_id, key FROM beauty_message_log
                        WHERE purpose = %s AND partner_id = ANY(%s) AND key = ANY(%s)""",
                    self.purpose,
                    list({self._client_of(record).id for record in records}),
                    list(set(keys.values())),
                )
            )
        )
        return records.filtered(lambda r: (self._client_of(r).id, keys[r.id]) not in handled)

    def _claim(self, records, keys):
        """Insert the log rows and return the records claimed; those whose occasion was already handled
        (here or by another worker, whose insert this one waits for) are left out."""
        visits = records if records._name == "beauty.visit" else None
        now = fields.Datetime.now()
        rows = self.env.execute_query(
            SQL(
                """INSERT INTO beauty_message_log (partner_id, visit_id, purpose, key, date, company_id,
                                                   create_uid, create_date, write_uid, write_date)
                   SELECT partner, visit, %(purpose)s, key, %(now)s, company,
                          %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(partners)s::int[], %(visits)s::int[], %(keys)s::varchar[],
                                 %(companies)s::int[]) AS occasion(partner, visit, key, company)
                   ON CONFLICT (partner_id, purpose, key) DO NOTHING RETURNING id, partner_id, key""",
                purpose=self.purpose,
                now=now,
                uid=self.env.uid,
                partners=[self._client_of(record).id for record in records],
                visits=[record.id for record in visits] if visits else [None] * len(records),
                keys=[keys[record.id] for record in records],
                companies=[
                    (record.company_id if visits else self.company_id).id or None for record in records
                ],
            )
        )
        log_ids = {(partner_id, key): log_id for log_id, partner_id, key in rows}
        claimed = records.filtered(lambda r: (self._client_of(r).id, keys[r.id]) in log_ids)
        return claimed, [log_ids[self._client_of(r).id, keys[r.id]] for r in claimed]

    def _send_batch(self, records, keys):
        """Claim ``records`` and queue their e-mails and/or SMS (sent by Odoo's queues after commit),
        each visible in the chatter of its visit or client. Returns how many were claimed."""
        records, log_ids = self._claim(records, keys)
        if not records:
            return 0
        by_email, by_sms = self._split_by_channel(records)
        if by_email:
            self._queue_mails(by_email)
        if by_sms:
            self._queue_sms(by_sms)
        emailed, texted = set(by_email.ids), set(by_sms.ids)
        channels = [
            ",".join(name for name, done in (("email", r.id in emailed), ("sms", r.id in texted)) if done)
            or "none"
            for r in records
        ]
        self.env.cr.execute(
            SQL(
                """UPDATE beauty_message_log log SET channels = sent.channels
                     FROM unnest(%s::int[], %s::varchar[]) AS sent(id, channels) WHERE log.id = sent.id""",
                log_ids,
                channels,
            )
        )
        return len(records)

    def _split_by_channel(self, records):
        """(records to e-mail, records to text) under the rule's templates, channel mode and each client's
        consent and blacklist."""
        marketing = self.purpose in MARKETING_PURPOSES
        by_email = records.browse()
        if self.mail_template_id:
            by_email = records.filtered(lambda r: self._client_of(r)._salon_can_message("email", marketing))
        by_sms = records.browse()
        if self.sms_template_id:
            by_sms = records.filtered(lambda r: self._client_of(r)._salon_can_message("sms", marketing))
        if self.channel_mode == "sms_first":
            by_email -= by_sms
        elif self.channel_mode == "email_first":
            by_sms -= by_email
        return by_email, by_sms

    def _queue_mails(self, records):
        """One mass-mail composer for the batch: rendered together, one ``mail.mail`` per record, kept in
        the record's chatter. Consent and blacklist were checked by the caller."""
        composer = (
            self.env["mail.compose.message"]
            .with_context(salon_batch_render=True)
            .create(
                {
                    "composition_mode": "mass_mail",
                    "model": records._name,
                    "res_ids": str(records.ids),
                    "template_id": self.mail_template_id.id,
                    "force_send": False,
                    "use_exclusion_list": False,
                }
            )
        )
        composer._action_send_mail()

    def _queue_sms(self, records):
        """Odoo's SMS composer in mass mode (any SMS provider), logged in the chatter. A client with two
        visits in the batch gets both messages: the composer would drop a second one to the same number,
        so such records go in a round of their own."""
        rounds, seen = [], {}
        for record in records:
            client = self._client_of(record).id
            index = seen.get(client, 0)
            seen[client] = index + 1
            if index == len(rounds):
                rounds.append([])
            rounds[index].append(record.id)
        for ids in rounds:
            batch = records.browse(ids)
            batch._message_sms_schedule_mass(template=self.sms_template_id, mass_use_blacklist=False)

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
        Partner.flush_model(["birthdate_date", "is_salon_client", "active", "salon_overdue_from"])
        if self.purpose == "birthday":
            rows = self.env.execute_query(
                SQL(
                    """SELECT id, %s FROM res_partner WHERE is_salon_client AND active
                          AND EXTRACT(MONTH FROM birthdate_date) = %s
                          AND EXTRACT(DAY FROM birthdate_date) = %s""",
                    str(local.year),
                    local.month,
                    local.day,
                )
            )
        else:
            # Overdue clients with nothing booked, whose current lapse (keyed by the last visit's date)
            # had no message yet: tens of thousands of clients are checked at every run.
            self.env["beauty.visit"].flush_model(["partner_id", "state", "date_start"])
            self.env["beauty.message.log"].flush_model()
            rows = self.env.execute_query(
                SQL(
                    """SELECT p.id, to_char(p.salon_last_visit, 'YYYY-MM-DD') FROM res_partner p
                        WHERE p.is_salon_client AND p.active AND p.salon_overdue_from < %(today)s
                          AND NOT EXISTS (SELECT FROM beauty_visit v
                                           WHERE v.partner_id = p.id AND v.state IN ('draft', 'confirmed')
                                             AND v.date_start > %(now)s)
                          AND NOT EXISTS (SELECT FROM beauty_message_log log
                                           WHERE log.partner_id = p.id AND log.purpose = 'winback'
                                             AND log.key = to_char(p.salon_last_visit, 'YYYY-MM-DD'))""",
                    today=fields.Date.context_today(self),
                    now=now,
                )
            )
        return self._send(Partner.browse(row[0] for row in rows), dict(rows))

    @api.model
    def _send_for_visits(self, purpose, visits):
        """Send ``purpose`` for these visits now, with each branch's rule (used at booking time)."""
        for company in visits.company_id:
            rule = self._rule_for(purpose, company)
            if rule:
                rule._send(visits.filtered(lambda v, c=company: v.company_id == c))
        return True
