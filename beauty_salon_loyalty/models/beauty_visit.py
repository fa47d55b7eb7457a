# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict

from odoo import api, fields, models


class BeautyVisit(models.Model):
    _inherit = "beauty.visit"

    salon_loyalty_summary = fields.Char(
        related="partner_id.salon_loyalty_summary", groups="beauty_salon.beauty_salon_group_user"
    )

    @api.model
    def _salon_paid_components(self, order_lines):
        """``{sale_line_id: {part: amount}}`` of what each line was paid with (untaxed, order currency).

        ``subtotal`` is the line after its own discount (discount card, visit pack); ``discounts``,
        ``points`` and ``prepaid`` (certificates, eWallet) are the shares of Odoo's reward lines that reduce
        it, spread over the lines each reward line lists in ``salon_discounted_line_ids`` pro rata their
        subtotals; ``pack_value`` is what the visit-pack session is worth.
        """
        lines = order_lines.filtered(lambda line: not line.display_type)
        parts = defaultdict(lambda: defaultdict(float))
        for line in lines.filtered(lambda l: not l.reward_id):
            parts[line.id]["subtotal"] = line.price_subtotal
            if line.salon_pack_id:
                parts[line.id]["pack_value"] = line.salon_pack_session_value * line.product_uom_qty
        for reward_line in lines.filtered("reward_id"):
            program = reward_line.reward_id.program_id
            if program.is_payment_program:
                part = "prepaid"
            elif program.salon_kind == "points":
                part = "points"
            else:
                part = "discounts"
            targets = reward_line.salon_discounted_line_ids & lines
            base = sum(targets.mapped("price_subtotal"))
            for target in targets:
                share = target.price_subtotal / base if base else 1.0 / len(targets)
                parts[target.id][part] += reward_line.price_subtotal * share
        return {line_id: dict(values) for line_id, values in parts.items()}

    def _salon_paid_amounts(self):
        """Loyalty spreads Odoo's discount lines (promotions, points) over the lines they reduce and counts
        a visit-pack session at its value; certificates and eWallets are payments and reduce nothing."""
        amounts = super()._salon_paid_amounts()
        components = self._salon_paid_components(self.sale_order_id.order_line)
        for line_id, parts in components.items():
            amounts[line_id] = (
                (parts.get("pack_value") or parts.get("subtotal", 0.0))
                + parts.get("discounts", 0.0)
                + parts.get("points", 0.0)
            )
        for line in self.sale_order_id.order_line.filtered("reward_id"):
            amounts.pop(line.id, None)
        return amounts
