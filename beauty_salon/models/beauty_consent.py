# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class BeautyConsent(models.Model):
    """A client's consent (152-FZ): to process personal data, or to receive marketing on a channel.

    Consents are evidence: nobody edits or deletes them (not even when the client is forgotten);
    withdrawing one records the date; the partner's opt-in flags follow the consents still in force.
    """

    _name = "beauty.consent"
    _description = "Client Consent"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, ondelete="cascade"
    )
    purpose = fields.Selection(
        [("personal_data", "Personal data processing"), ("marketing", "Marketing messages")],
        required=True,
        default="personal_data",
    )
    channel = fields.Selection(
        [
            ("email", "E-mail"),
            ("sms", "SMS"),
            ("phone", "Phone call"),
            ("online", "Online form"),
            ("paper", "Paper form"),
        ],
        required=True,
        default="paper",
        help="Marketing: the channel the client agreed to. Personal data: where the consent was given.",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    text_version = fields.Char(help="Version of the consent text the client agreed to.")
    source = fields.Char(help="How it was collected, e.g. the online booking page or a scanned form.")
    revoked_date = fields.Datetime(string="Withdrawn On", readonly=True)
    active_consent = fields.Boolean(compute="_compute_active_consent", store=True, string="In Force")

    @api.depends("revoked_date")
    def _compute_active_consent(self):
        for consent in self:
            consent.active_consent = not consent.revoked_date

    def action_revoke(self):
        """Withdraw: the one change a consent accepts, by whoever may read it (reception, managers)."""
        self.check_access("read")
        # sudo: consents are read-only for everyone; withdrawing only stamps the date (write_uid says who).
        self.sudo().filtered("active_consent").write({"revoked_date": fields.Datetime.now()})
        return True
