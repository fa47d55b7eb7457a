# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _salon_named_reductions(self):
        """``{line_id: {kind: amount}}``: what lowers each of these lines, as its visit names it
        (``beauty.visit._salon_reduction_kinds``, answered by the loyalty addon). Lines it does not name
        are left out; payroll then spreads the order's negative lines over them itself."""
        self.fetch(["order_id"])  # only what leads to the visits, not every column of the lines
        self.order_id.fetch(["salon_visit_id"])
        visits = self.order_id.salon_visit_id
        if not visits:
            return {}
        ids = set(self.ids)
        return {
            line_id: parts for line_id, parts in visits._salon_reduction_kinds().items() if line_id in ids
        }

    def _salon_loyalty_reduction_kind(self):
        """Kind of this unnamed price-lowering line: when Odoo's ``sale_loyalty`` is installed, its rewards
        are told apart by their program (gift cards and e-wallets are money paid before, loyalty programs
        are points); every other negative line is a discount."""
        self.ensure_one()
        program = self["reward_id"].program_id if "reward_id" in self._fields else False
        if program and program.is_payment_program:
            return "certificate"
        if program and program.program_type == "loyalty":
            return "points"
        return "discount"
