# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class StockWarehouse(models.Model):
    """Each warehouse (one per branch) gets a salon consumption operation: stock -> consumption location."""

    _inherit = "stock.warehouse"

    salon_consumption_type_id = fields.Many2one(
        "stock.picking.type", string="Salon Consumption Operation", check_company=True
    )

    def _get_sequence_values(self, name=False, code=False):
        values = super()._get_sequence_values(name=name, code=code)
        values["salon_consumption_type_id"] = {
            "name": self.env._("%(warehouse)s Sequence salon consumption", warehouse=name or self.name),
            "prefix": (code or self.code)
            + "/"
            + (self.salon_consumption_type_id.sequence_code or "SAL")
            + "/",
            "padding": 5,
            "company_id": self.company_id.id,
        }
        return values

    def _get_picking_type_update_values(self):
        values = super()._get_picking_type_update_values()
        # Nothing to keep in step: the source location is the salon's to choose.
        values["salon_consumption_type_id"] = {}
        return values

    def _get_picking_type_create_values(self, max_sequence):
        values, max_sequence = super()._get_picking_type_create_values(max_sequence)
        values["salon_consumption_type_id"] = {
            "name": self.env._("Salon Consumption"),
            "code": "internal",
            "use_create_lots": False,
            "use_existing_lots": True,
            "default_location_src_id": self.lot_stock_id.id,
            "default_location_dest_id": self.company_id._salon_consumption_location().id,
            "sequence": max_sequence + 1,
            "sequence_code": "SAL",
            "company_id": self.company_id.id,
        }
        return values, max_sequence + 2

    @api.model
    def _salon_create_missing_consumption_types(self):
        for warehouse in self.search([("salon_consumption_type_id", "=", False)]):
            warehouse.write(warehouse._create_or_update_sequences_and_picking_types())
