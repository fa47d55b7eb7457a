# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class BeautyCostCardLine(models.Model):
    """One consumable of a cost card: its norm per service, for every master or for one master."""

    _name = "beauty.cost.card.line"
    _inherit = "beauty.salon.material"
    _description = "Service Cost Card Material"
    _order = "card_id, sequence, id"
    _check_company_auto = True

    card_id = fields.Many2one("beauty.cost.card", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="card_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    quantity = fields.Float(string="Norm", digits="Product Unit of Measure", required=True, default=1.0)
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

    @api.depends_context("company")
    @api.depends("product_id.standard_price", "product_uom_id", "quantity", "card_id.company_id")
    def _compute_cost(self):
        for line in self:
            line.unit_cost = line._salon_current_unit_cost(line.card_id.company_id or self.env.company)
            line.cost = line.unit_cost * line.quantity

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
