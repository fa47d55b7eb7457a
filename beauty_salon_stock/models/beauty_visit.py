# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# A done visit still accepts these: its materials are recorded and corrected after the service.
MATERIAL_FIELDS = {"salon_consumption_ids", "salon_materials_returned"}


class BeautyVisit(models.Model):
    """A visit's materials: recorded while it runs, written off from stock when it is done."""

    _inherit = "beauty.visit"

    salon_consumption_ids = fields.One2many("beauty.visit.consumption", "visit_id", string="Materials")
    salon_picking_ids = fields.One2many("stock.picking", "salon_visit_id", string="Material Transfers")
    salon_picking_count = fields.Integer(compute="_compute_salon_picking_count", string="Transfers")
    salon_material_cost = fields.Monetary(compute="_compute_salon_material_cost", string="Materials Cost")
    salon_materials_returned = fields.Boolean(
        string="Materials Returned",
        readonly=True,
        copy=False,
        tracking=True,
        help="The consumption of this done visit was cancelled: its materials went back to stock.",
    )

    @api.depends("salon_picking_ids")
    def _compute_salon_picking_count(self):
        # sudo: counting the visit's transfers does not need inventory rights.
        counts = dict(
            self.env["stock.picking"]
            .sudo()
            ._read_group([("salon_visit_id", "in", self.ids)], ["salon_visit_id"], ["__count"])
        )
        for visit in self:
            visit.salon_picking_count = counts.get(visit, 0)

    @api.depends("salon_consumption_ids.amount")
    def _compute_salon_material_cost(self):
        for visit in self:
            visit.salon_material_cost = sum(visit.salon_consumption_ids.mapped("amount"))

    def write(self, vals):
        visits = self
        if vals and set(vals) <= MATERIAL_FIELDS:
            visits = self.with_context(salon_materials_edit=True)
        result = super(BeautyVisit, visits).write(vals)
        if vals.get("state") == "done":
            self._salon_write_off()
        return result

    def _check_editable(self):
        if self.env.context.get("salon_materials_edit"):
            return
        super()._check_editable()

    def _salon_write_off(self):
        """Done visits: their materials follow the cost cards and leave the branch's stock;
        their commissions are noted for the profitability report."""
        done = self.filtered(lambda v: v.state == "done")
        done.line_ids._salon_fill_norms()
        done.salon_consumption_ids._salon_sync_stock()
        done.line_ids._salon_refresh_commissions()

    def action_salon_return_materials(self, reason):
        """Cancel the consumption of done visits: what was written off goes back to stock, logged."""
        if not self.env.user.has_group("beauty_salon.beauty_salon_group_manager"):
            raise AccessError(self.env._("Only a salon manager can return the materials of a done visit."))
        if not (reason or "").strip():
            raise UserError(self.env._("Please give a reason for returning the materials."))
        for visit in self:
            if visit.state != "done":
                raise UserError(self.env._("Only the materials of a done visit can be returned."))
            materials = visit.salon_consumption_ids.filtered("qty_done")
            if not materials:
                raise UserError(
                    self.env._("Nothing of visit %(visit)s has been written off.", visit=visit.name)
                )
            materials.with_context(salon_stock_deferred=True).write({"qty_actual": 0.0})
            pickings = materials._salon_sync_stock()
            visit.salon_materials_returned = True
            visit.message_post(
                body=self.env._(
                    "Materials returned to stock (%(transfers)s): %(reason)s",
                    transfers=", ".join(pickings.mapped("name")),
                    reason=reason.strip(),
                )
            )
        return True

    def action_open_salon_return(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return Materials"),
            "res_model": "beauty.visit.materials.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    def action_view_salon_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("salon_visit_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
