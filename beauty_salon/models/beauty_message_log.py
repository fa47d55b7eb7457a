# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

PURPOSES = [
    ("confirmation", "Booking confirmation"),
    ("reminder_1", "First reminder"),
    ("reminder_2", "Second reminder"),
    ("thank_you", "Thank you and review request"),
    ("no_show", "No-show follow-up"),
    ("birthday", "Birthday greeting"),
    ("winback", "Win-back"),
]


class BeautyMessageLog(models.Model):
    """One row per message purpose and occasion: the guard that a message is never sent twice.

    The row is inserted (``ON CONFLICT DO NOTHING``) in the same transaction that queues the e-mail or SMS,
    so a crash rolls both back and a second worker finds the row and skips.
    """

    _name = "beauty.message.log"
    _description = "Salon Message Sent"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, ondelete="cascade"
    )
    visit_id = fields.Many2one("beauty.visit", index="btree_not_null", ondelete="cascade")
    purpose = fields.Selection(PURPOSES, required=True)
    key = fields.Char(
        required=True, help="The occasion: the visit, the birthday's year, the lapse's last visit."
    )
    channels = fields.Char(help="Where it went: email, sms, or none when the client may not be contacted.")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    company_id = fields.Many2one("res.company", index=True)

    _sql_constraints = [
        ("once_per_occasion", "UNIQUE(partner_id, purpose, key)", "This message was already sent."),
    ]
