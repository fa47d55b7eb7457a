# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResCompany(models.Model):
    """Loyalty accounting of a branch: where prepaid money (certificates, packs) waits as a liability."""

    _inherit = "res.company"

    salon_pack_revenue = fields.Selection(
        [("sale", "When the pack is sold"), ("usage", "As sessions are used")],
        string="Visit Pack Revenue",
        default="sale",
        required=True,
        help="As sessions are used: the pack's price is booked as deferred revenue when it is sold and moves "
        "to income one session at a time (the rest when the pack expires).",
    )
    salon_pack_deferred_account_id = fields.Many2one(
        "account.account",
        string="Deferred Revenue of Visit Packs",
        domain="[('account_type', 'in', ('liability_current', 'liability_non_current'))]",
        help="Liability account that holds the price of sold, not yet used sessions.",
    )
    salon_gift_card_account_id = fields.Many2one(
        "account.account",
        string="Gift Certificates Liability",
        domain="[('account_type', 'in', ('liability_current', 'liability_non_current'))]",
        help="Sold certificates are booked here and leave it when they pay for a visit: its balance is the "
        "outstanding value of certificates.",
    )
    salon_loyalty_income_account_id = fields.Many2one(
        "account.account",
        string="Income from Expired Prepayments",
        domain="[('account_type', 'in', ('income', 'income_other'))]",
        help="The unused value of expired certificates and visit packs is written off to this account.",
    )
    salon_loyalty_journal_id = fields.Many2one(
        "account.journal",
        string="Loyalty Journal",
        domain="[('type', '=', 'general')]",
        help="Journal of the entries that recognise visit-pack revenue and write off expired prepayments.",
    )

    def _salon_loyalty_journal(self):
        """The journal of loyalty entries: the configured one, else the first miscellaneous journal."""
        self.ensure_one()
        return self.salon_loyalty_journal_id or self.env["account.journal"].search(
            [("type", "=", "general"), *self.env["account.journal"]._check_company_domain(self)], limit=1
        )
