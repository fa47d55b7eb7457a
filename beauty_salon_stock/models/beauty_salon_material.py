# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class BeautySalonMaterial(models.AbstractModel):
    """A quantity of a material (a stored product) in a unit of the same kind as the product's.

    Shared by the cost card lines (the norm) and the materials used in a booking.
    """

    _name = "beauty.salon.material"
    _description = "Salon Material Quantity"

    product_id = fields.Many2one(
        "product.product",
        string="Material",
        required=True,
        index=True,
        check_company=True,
        domain="[('is_storable', '=', True)]",
    )
    product_uom_category_id = fields.Many2one(related="product_id.uom_id.category_id")
    product_uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        compute="_compute_product_uom_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        domain="[('category_id', '=', product_uom_category_id)]",
    )

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for material in self:
            material.product_uom_id = material.product_id.uom_id

    @api.constrains("product_id", "product_uom_id")
    def _check_uom(self):
        for material in self:
            if material.product_uom_id.category_id != material.product_id.uom_id.category_id:
                raise ValidationError(
                    self.env._(
                        "%(material)s is counted in %(unit)s: pick a unit of the same kind.",
                        material=material.product_id.display_name,
                        unit=material.product_id.uom_id.name,
                    )
                )

    def _salon_current_unit_cost(self, company):
        """The product's current cost in ``company`` for one unit of this line's unit."""
        self.ensure_one()
        if not (self.product_id and self.product_uom_id):
            return 0.0
        product = self.product_id.with_company(company)
        return product.uom_id._compute_price(product.standard_price, self.product_uom_id)
