# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models, tools
from odoo.tools import SQL

# A client who comes back within this many days after using a promotion counts as a repeat visit.
REPEAT_WINDOW_DAYS = 90


class BeautyPromotionReport(models.Model):
    """Results of promotions: one row per confirmed order that used a promotion, code or coupon."""

    _name = "beauty.promotion.report"
    _description = "Promotion Results"
    _auto = False
    _order = "date_order desc, id desc"

    program_id = fields.Many2one("loyalty.program", string="Promotion", readonly=True)
    program_type = fields.Selection(related="program_id.program_type")
    order_id = fields.Many2one("sale.order", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date_order = fields.Datetime(string="Date", readonly=True)
    uses = fields.Integer(readonly=True)
    discount_amount = fields.Monetary(string="Discount Given", readonly=True)
    revenue = fields.Monetary(readonly=True, help="Untaxed total of the orders that used it.")
    new_client = fields.Integer(
        string="New Clients", readonly=True, help="The order was the client's first confirmed order."
    )
    repeat_visits = fields.Integer(
        string="Repeat Visits (90 days)",
        readonly=True,
        help="The client's confirmed orders in the 90 days after this one.",
    )
    returned_client = fields.Integer(
        string="Clients Who Returned (90 days)",
        readonly=True,
        help="1 when the client had another confirmed order within 90 days.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        return SQL(
            """
            WITH used AS (
                SELECT MIN(sol.id) AS id, r.program_id, sol.order_id, SUM(sol.price_subtotal) AS discount
                  FROM sale_order_line sol
                  JOIN loyalty_reward r ON r.id = sol.reward_id
                  JOIN loyalty_program p ON p.id = r.program_id
                 WHERE p.program_type IN ('promotion', 'promo_code', 'coupons', 'buy_x_get_y',
                                          'next_order_coupons')
                 GROUP BY r.program_id, sol.order_id
            )
            SELECT u.id,
                   u.program_id,
                   u.order_id,
                   so.partner_id,
                   so.company_id,
                   so.currency_id,
                   so.date_order,
                   1 AS uses,
                   -u.discount AS discount_amount,
                   so.amount_untaxed AS revenue,
                   CASE WHEN earlier.id IS NULL THEN 1 ELSE 0 END AS new_client,
                   later.visits AS repeat_visits,
                   CASE WHEN later.visits > 0 THEN 1 ELSE 0 END AS returned_client
              FROM used u
              JOIN sale_order so ON so.id = u.order_id AND so.state = 'sale'
              LEFT JOIN LATERAL (
                    SELECT prev.id FROM sale_order prev
                     WHERE prev.partner_id = so.partner_id AND prev.state = 'sale'
                       AND (prev.date_order, prev.id) < (so.date_order, so.id)
                     LIMIT 1
              ) earlier ON TRUE
              CROSS JOIN LATERAL (
                    SELECT COUNT(*) AS visits FROM sale_order nxt
                     WHERE nxt.partner_id = so.partner_id AND nxt.state = 'sale'
                       AND nxt.date_order > so.date_order
                       AND nxt.date_order <= so.date_order + make_interval(days => %s)
              ) later
            """,
            REPEAT_WINDOW_DAYS,
        )
