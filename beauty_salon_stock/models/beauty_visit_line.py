# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare

# The commission noted on bookings is refreshed for this many days back every night.
COMMISSION_REFRESH_DAYS = 45


class BeautyVisitLine(models.Model):
    """A booking's materials come from its service's cost card, with its master's own norms."""

    _inherit = "beauty.visit.line"

    salon_consumption_ids = fields.One2many("beauty.visit.consumption", "line_id", string="Materials")
    salon_commission_amount = fields.Monetary(
        string="Commission",
        readonly=True,
        copy=False,
        help="The master's commission for this booking as the payroll addon reports it (0 without payroll); "
        "noted when the visit is done and refreshed every night, for the profitability report.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._salon_fill_norms()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if {"service_id", "master_id"} & set(vals):
            self._salon_fill_norms()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_materials_written_off(self):
        if any(self.salon_consumption_ids.mapped("qty_done")):
            raise UserError(
                self.env._(
                    "Materials of this service were written off: set their used quantities to 0 first, "
                    "so that they go back to stock."
                )
            )

    # ------------------------------------------------------------------ hooks for the satellite addons
    def _salon_material_costs(self):
        costs = super()._salon_material_costs()
        # sudo: payroll reads the cost of the materials, not the material lines themselves.
        groups = (
            self.env["beauty.visit.consumption"]
            .sudo()
            ._read_group([("line_id", "in", self.ids)], ["line_id"], ["amount:sum"])
        )
        costs.update({line.id: amount for line, amount in groups})
        return costs

    # ------------------------------------------------------------------ materials
    def _salon_fill_norms(self):
        """Bring the materials of these bookings in line with their cost cards.

        Materials added by hand stay. A changed norm moves the used quantity too, unless someone entered
        it; a material the card no longer lists goes (or is zeroed when it was written off already).
        """
        # sudo: the norms come from the cost card; access was checked on the booking itself.
        lines = self.sudo()
        cards = self.env["beauty.cost.card"].sudo()._salon_find(lines)
        Material = self.env["beauty.visit.consumption"].sudo().with_context(salon_stock_deferred=True)
        vals_list, dropped = [], Material
        for line in lines:
            card = cards[line]
            card_lines = card._salon_norm_lines(line.master_id) if card else card.line_ids
            norms = {card_line.product_id: card_line for card_line in card_lines}
            for material in line.salon_consumption_ids.filtered(lambda m: not m.is_extra):
                card_line = norms.pop(material.product_id, None)
                norm = (
                    card_line.product_uom_id._compute_quantity(card_line.quantity, material.product_uom_id)
                    if card_line
                    else 0.0
                )
                rounding = material.product_uom_id.rounding
                if float_compare(norm, material.qty_norm, precision_rounding=rounding) == 0:
                    continue
                untouched = (
                    float_compare(material.qty_actual, material.qty_norm, precision_rounding=rounding) == 0
                )
                if not card_line and untouched and not material.qty_done:
                    dropped |= material
                    continue
                vals = {"qty_norm": norm}
                if untouched:
                    vals["qty_actual"] = norm
                material.with_env(Material.env).write(vals)
            vals_list += [
                {
                    "visit_id": line.visit_id.id,
                    "line_id": line.id,
                    "sequence": card_line.sequence,
                    "product_id": card_line.product_id.id,
                    "product_uom_id": card_line.product_uom_id.id,
                    "qty_norm": card_line.quantity,
                    "qty_actual": card_line.quantity,
                    "is_extra": False,
                }
                for card_line in norms.values()
            ]
        dropped.unlink()
        Material.create(vals_list)

    # ------------------------------------------------------------------ commission
    def _salon_refresh_commissions(self):
        """Note the payroll hook's commission on these bookings, for the profitability report.

        Written with SQL: a done booking is locked against edits, and this copies a payroll figure
        rather than changing the booking.
        """
        if not self:
            return
        commissions = self._salon_commissions()
        rows = SQL(", ").join(
            SQL("(%s, %s::numeric)", line.id, commissions.get(line.id, 0.0)) for line in self
        )
        self.env.cr.execute(
            SQL(
                "UPDATE beauty_visit_line SET salon_commission_amount = data.amount"
                " FROM (VALUES %s) AS data(id, amount) WHERE beauty_visit_line.id = data.id",
                rows,
            )
        )
        self.invalidate_recordset(["salon_commission_amount"])

    @api.model
    def _cron_salon_refresh_commissions(self, batch_size=5000):
        """Nightly: payroll may have recomputed commissions of recent visits."""
        since = fields.Datetime.now() - timedelta(days=COMMISSION_REFRESH_DAYS)
        lines = self.search([("state", "=", "done"), ("date_start", ">=", since)])
        for start in range(0, len(lines), batch_size):
            lines[start : start + batch_size]._salon_refresh_commissions()
