# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from .loyalty_history import LOYALTY_FLOW


class SaleOrderLine(models.Model):
    """What loyalty did to a line, for the client, the accountant and the commission of the master:

    * ``salon_card_id``: the discount card behind the line's ``discount``;
    * ``salon_pack_id``: the visit pack that paid the line (100 % off), ``salon_pack_session_value`` being
      the share of the pack's price this session is worth;
    * ``salon_discounted_line_ids`` (on Odoo's reward lines): the lines a discount line reduces.
    """

    _inherit = "sale.order.line"

    salon_card_id = fields.Many2one(
        "loyalty.card", string="Discount Card", readonly=True, copy=False, index="btree_not_null"
    )
    salon_pack_id = fields.Many2one(
        "beauty.visit.pack", string="Visit Pack", readonly=True, copy=False, index="btree_not_null"
    )
    salon_pack_session_value = fields.Monetary(
        string="Session Value",
        readonly=True,
        copy=False,
        help="The share of the visit pack's price this session is worth (pack price ÷ sessions).",
    )
    salon_discounted_line_ids = fields.Many2many(
        "sale.order.line",
        "sale_order_line_salon_discounted_rel",
        "reward_line_id",
        "line_id",
        string="Discounted Lines",
        readonly=True,
        copy=False,
        help="Reward lines: the order lines this discount reduces.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # A reward added to a confirmed order moves its card's balance (Odoo does it): allowed, and posted.
        order_id = vals_list[0].get("order_id") if vals_list else False
        lines = super(
            SaleOrderLine, self.with_context(**{LOYALTY_FLOW: True, "salon_points_order_id": order_id})
        ).create(vals_list)
        return lines.with_env(self.env)

    def write(self, vals):
        if "points_cost" not in vals:
            return super().write(vals)
        return super(
            SaleOrderLine,
            self.with_context(**{LOYALTY_FLOW: True, "salon_points_order_id": self.order_id[:1].id}),
        ).write(vals)

    def unlink(self):
        return super(
            SaleOrderLine,
            self.with_context(**{LOYALTY_FLOW: True, "salon_points_order_id": self.order_id[:1].id}),
        ).unlink()

    def _prepare_invoice_line(self, **optional_values):
        """Prepaid money is a liability: certificates and deferred visit packs go to a liability account."""
        vals = super()._prepare_invoice_line(**optional_values)
        account = self._salon_liability_account()
        if account:
            vals["account_id"] = account.id
        return vals

    def _salon_liability_account(self):
        self.ensure_one()
        company = self.order_id.company_id
        program = self.reward_id.program_id
        sells_gift_card = self.order_id.coupon_point_ids.coupon_id.program_id.filtered(
            lambda p: p.program_type == "gift_card" and self.product_id in p.trigger_product_ids
        )
        if program.program_type == "gift_card" or sells_gift_card:
            return company.salon_gift_card_account_id
        if self.product_id.salon_pack_ok and company.salon_pack_revenue == "usage":
            if not company.salon_pack_deferred_account_id:
                raise UserError(
                    self.env._(
                        "Visit pack revenue is deferred in %(company)s: set its deferred revenue account "
                        "in the salon settings.",
                        company=company.name,
                    )
                )
            return company.salon_pack_deferred_account_id
        return self.env["account.account"]

    # ------------------------------------------------------------------ visit packs
    def _salon_consume_visit_packs(self):
        """Confirmed lines paid from a visit pack use its sessions (checked again under a row lock)."""
        lines = self.filtered(lambda line: line.salon_pack_id and line.state == "sale")
        if not lines:
            return
        lines.salon_pack_id._salon_lock()
        # sudo: the pack may have been sold in another branch of the chain.
        self.env["beauty.visit.pack.usage"].sudo().create(
            [
                {
                    "pack_id": line.salon_pack_id.id,
                    "sale_line_id": line.id,
                    "quantity": line.product_uom_qty,
                    "date": fields.Date.context_today(self),
                }
                for line in lines
            ]
        )

    def _salon_return_visit_packs(self, reason, quantities=None):
        """Give sessions back to the packs that paid these lines (a cancelled order, a refund)."""
        lines = self.filtered("salon_pack_id")
        if not lines:
            return
        used = lines._salon_pack_sessions_used()
        vals_list = []
        for line in lines:
            quantity = min(
                quantities.get(line, 0.0) if quantities else line.product_uom_qty, used.get(line, 0.0)
            )
            if quantity > 0:
                vals_list.append(
                    {
                        "pack_id": line.salon_pack_id.id,
                        "sale_line_id": line.id,
                        "quantity": -quantity,
                        "date": fields.Date.context_today(self),
                        "note": reason,
                    }
                )
        if vals_list:
            # sudo: the pack may have been sold in another branch of the chain.
            self.env["beauty.visit.pack.usage"].sudo().create(vals_list)

    def _salon_pack_sessions_used(self):
        """``{line: sessions}`` these lines still hold from their packs (uses minus returns)."""
        # sudo: the pack may have been sold in another branch of the chain.
        groups = (
            self.env["beauty.visit.pack.usage"]
            .sudo()
            ._read_group([("sale_line_id", "in", self.ids)], ["sale_line_id"], ["quantity:sum"])
        )
        return dict(groups)

    def _salon_create_visit_packs(self):
        """Paid lines that sell a visit pack create the client's packs (once per unit sold)."""
        lines = self.filtered(lambda line: line.product_id.salon_pack_ok and line.state == "sale")
        if not lines:
            return
        Pack = self.env["beauty.visit.pack"]
        existing = {
            line for [line] in Pack._read_group([("sale_line_id", "in", lines.ids)], ["sale_line_id"])
        }
        Pack._salon_create_from_lines(lines.filtered(lambda line: line not in existing))
