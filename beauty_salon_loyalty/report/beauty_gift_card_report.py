# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models, tools
from odoo.tools import SQL


class BeautyGiftCardReport(models.Model):
    """Gift certificates: value sold, redeemed, expired and outstanding (the liability), per certificate."""

    _name = "beauty.gift.card.report"
    _description = "Gift Certificates Report"
    _auto = False
    _order = "date_sold desc, id desc"

    card_id = fields.Many2one("loyalty.card", string="Certificate", readonly=True)
    program_id = fields.Many2one("loyalty.program", readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Holder", readonly=True)
    buyer_id = fields.Many2one("res.partner", readonly=True)
    order_id = fields.Many2one("sale.order", string="Sold On", readonly=True)
    date_sold = fields.Date(readonly=True)
    expiration_date = fields.Date(string="Valid Until", readonly=True)
    amount_sold = fields.Monetary(string="Sold", readonly=True)
    amount_redeemed = fields.Monetary(string="Redeemed", readonly=True)
    amount_expired = fields.Monetary(string="Expired", readonly=True)
    amount_outstanding = fields.Monetary(
        string="Outstanding", readonly=True, help="Value still to be redeemed: a liability of the salon."
    )
    state = fields.Selection(
        [("unpaid", "Awaiting Payment"), ("active", "Active"), ("used", "Used Up"), ("expired", "Expired")],
        readonly=True,
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(self._query()))
        )

    def _query(self):
        # A certificate counts as sold once paid (or when issued by hand, without an order).
        return """
            SELECT c.id AS id,
                   c.id AS card_id,
                   c.program_id,
                   c.company_id,
                   COALESCE(comp.currency_id, p.currency_id) AS currency_id,
                   c.partner_id,
                   so.partner_id AS buyer_id,
                   c.order_id,
                   COALESCE(c.salon_paid_date, c.create_date::date) AS date_sold,
                   c.expiration_date,
                   CASE WHEN sold.is_sold THEN COALESCE(h.issued, 0) ELSE 0 END AS amount_sold,
                   CASE WHEN sold.is_sold THEN COALESCE(h.redeemed, 0) ELSE 0 END AS amount_redeemed,
                   COALESCE(h.expired, 0) AS amount_expired,
                   CASE WHEN sold.is_sold THEN GREATEST(c.points, 0) ELSE 0 END AS amount_outstanding,
                   CASE WHEN NOT sold.is_sold THEN 'unpaid'
                        WHEN COALESCE(h.expired, 0) > 0 THEN 'expired'
                        WHEN c.points <= 0 THEN 'used'
                        ELSE 'active' END AS state
              FROM loyalty_card c
              JOIN loyalty_program p ON p.id = c.program_id AND p.program_type = 'gift_card'
              LEFT JOIN res_company comp ON comp.id = c.company_id
              LEFT JOIN sale_order so ON so.id = c.order_id
              LEFT JOIN LATERAL (
                    SELECT SUM(issued) AS issued,
                           SUM(used) FILTER (WHERE salon_kind IS DISTINCT FROM 'expiry') AS redeemed,
                           SUM(used) FILTER (WHERE salon_kind = 'expiry') AS expired
                      FROM loyalty_history
                     WHERE card_id = c.id
              ) h ON TRUE
              CROSS JOIN LATERAL (
                    SELECT c.salon_paid_date IS NOT NULL OR c.order_id IS NULL AS is_sold
              ) sold
        """
