# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class BeautyCostCardLine(models.Model):
    """One consumable of a cost card: its norm per service, for every master or for one master."""

    _name = "beauty.cost.card.line"
    _description = "Service Cost Card Material"
    _order = "card_id, sequence, id"
    _check_company_auto = True

    card_id = fields.Many2one("beauty.cost.card", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="card_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        string="Material",
        required=True,
        index=True,
        check_company=True,
        domain="[('is_storable', '=', True)]",
    )
    quantity = fields.Float(string="Norm", digits="Product Unit of Measure", required=True, default=1.0)
    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        compute="_compute_uom_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        domain="[('category_id', '=', product_uom_category_id)]",
    )
    product_uom_category_id = fields.Many2one(related="product_id.uom_id.category_id")
    master_id = fields.Many2one(
        "hr.employee",
        string="Only for Master",
        index="btree_not_null",
        domain="[('is_salon_master', '=', True)]",
        help="This master's own norm: it replaces the general line of the same material for her.",
    )
    currency_id = fields.Many2one(related="card_id.currency_id")
    unit_cost = fields.Monetary(compute="_compute_cost", help="Current valuation of one unit of this line.")
    cost = fields.Monetary(compute="_compute_cost")

    _sql_constraints = [
        ("quantity_positive", "CHECK (quantity >= 0)", "A norm cannot be negative."),
    ]

    @api.depends("product_id")
    def _compute_uom_id(self):
        for line in self:
            line.uom_id = line.product_id.uom_id

    @api.depends_context("company")
    @api.depends("product_id.standard_price", "uom_id", "quantity", "card_id.company_id")
    def _compute_cost(self):
        for line in self:
            product = line.product_id.with_company(line.card_id.company_id or self.env.company)
            if product and line.uom_id:
                line.unit_cost = product.uom_id._compute_price(product.standard_price, line.uom_id)
            else:
                line.unit_cost = 0.0
            line.cost = line.unit_cost * line.quantity

    @api.constrains("product_id", "uom_id")
    def _check_uom(self):
        for line in self:
            if line.uom_id.category_id != line.product_id.uom_id.category_id:
                raise ValidationError(
                    self.env._(
                        "%(material)s is counted in %(unit)s: pick a unit of the same kind.",
                        material=line.product_id.display_name,
                        unit=line.product_id.uom_id.name,
                    )
                )

    @api.constrains("card_id", "product_id", "master_id")
    def _check_one_norm(self):
        for line in self:
            twins = line.card_id.line_ids.filtered(
                lambda other, line=line: (
                    other.product_id == line.product_id and other.master_id == line.master_id
                )
            )
            if len(twins) > 1:
                raise ValidationError(
                    self.env._(
                        "%(material)s has two norms on the card of %(service)s for the same master.",
                        material=line.product_id.display_name,
                        service=line.card_id.display_name,
                    )
                )
