# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models


class BeautyVisitLine(models.Model):
    _inherit = "beauty.visit.line"

    def _salon_commissions(self):
        """Service commissions of these bookings as computed on payroll sheets (net of refunds).

        A booking not on any sheet yet (not paid, or its period not computed) is left out.
        """
        result = super()._salon_commissions()
        # sudo: pay data; the caller (e.g. the profitability report) decides who sees its totals.
        groups = (
            self.env["beauty.payroll.sheet.line"]
            .sudo()
            ._read_group(
                [("visit_line_id", "in", self.ids), ("kind", "=", "service")],
                ["visit_line_id"],
                ["amount:sum"],
            )
        )
        for line, amount in groups:
            result[line.id] = result.get(line.id, 0.0) + amount
        return result
