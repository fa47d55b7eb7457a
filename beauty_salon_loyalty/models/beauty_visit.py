# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict

from odoo import fields, models


class BeautyVisit(models.Model):
    _inherit = "beauty.visit"

    salon_loyalty_summary = fields.Char(
        related="partner_id.salon_loyalty_summary", groups="beauty_salon.beauty_salon_group_user"
    )

    def _salon_reduction_kinds(self):
        """Loyalty names what lowered each line at its checkout.

        The line's own discount is the discount card's (``discount``), or, on a line paid from a visit
        pack, the session's value (``pack``, pack price ÷ sessions) and the rest of the price
        (``discount``). Each of Odoo's reward lines is spread over the lines it lists in
        ``salon_discounted_line_ids`` (all the priced lines when it lists none), pro rata their
        subtotals: certificates and eWallets as ``certificate``, bonus points as ``points``, promotions,
        coupons and manual negative lines as ``discount``.
        """
        result = super()._salon_reduction_kinds()
        lines = self.sale_order_id.order_line.filtered(lambda line: not line.display_type)
        reducing = lines.filtered(lambda line: line.reward_id or line.price_subtotal < 0)
        priced = lines - reducing
        parts = {line.id: defaultdict(float) for line in priced}
        for line in priced:
            undiscounted = line.tax_id.compute_all(
                line.price_unit,
                line.currency_id,
                line.product_uom_qty,
                line.product_id,
                line.order_partner_id,
            )["total_excluded"]
            own = line.price_subtotal - undiscounted
            if line.salon_pack_id:
                session = line.salon_pack_session_value * line.product_uom_qty
                parts[line.id]["pack"] -= session
                own += session
            if not line.currency_id.is_zero(own):
                parts[line.id]["discount"] += own
        for reward_line in reducing:
            program = reward_line.reward_id.program_id
            if program.is_payment_program:
                kind = "certificate"
            elif program.salon_kind == "points" or program.program_type == "loyalty":
                kind = "points"
            else:
                kind = "discount"
            targets = (reward_line.salon_discounted_line_ids & priced) or priced.filtered("price_subtotal")
            base = sum(targets.mapped("price_subtotal"))
            for target in targets:
                share = target.price_subtotal / base if base else 1.0 / len(targets)
                parts[target.id][kind] += reward_line.price_subtotal * share
        result.update({line_id: dict(values) for line_id, values in parts.items()})
        return result
