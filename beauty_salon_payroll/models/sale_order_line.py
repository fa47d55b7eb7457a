# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _salon_reduction_kinds(self):
        """Kind of each of these price-lowering lines, ``{line_id: kind}`` (see REDUCTION_SWITCHES).

        The visit's hook decides first (``beauty.visit._salon_reduction_kinds``, named by the loyalty
        addon). Otherwise Odoo's own loyalty rewards, when ``sale_loyalty`` is installed, are told apart
        by their program: gift cards and e-wallets are money paid before, loyalty programs are points,
        every other reward or negative line is a discount.
        """
        kinds = {}
        for visit, lines in self.grouped(lambda line: line.order_id.salon_visit_id).items():
            named = visit._salon_reduction_kinds() if visit else {}
            kinds.update({line_id: kind for line_id, kind in named.items() if line_id in lines.ids})
        for line in self:
            if line.id not in kinds:
                kinds[line.id] = line._salon_loyalty_reduction_kind()
        return kinds

    def _salon_loyalty_reduction_kind(self):
        self.ensure_one()
        program = self["reward_id"].program_id if "reward_id" in self._fields else False
        if program and program.is_payment_program:
            return "certificate"
        if program and program.program_type == "loyalty":
            return "points"
        return "discount"
