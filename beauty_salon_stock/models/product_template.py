# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

# Changing any of these sets up (or updates) the product's reordering rules.
REORDER_FIELDS = {"is_salon_consumable", "salon_reorder_min_qty", "salon_reorder_max_qty"}


class ProductTemplate(models.Model):
    """Services carry their cost cards; goods can be salon consumables with reordering defaults;
    every product shows its three price levels (retail, staff, write-off)."""

    _inherit = "product.template"

    salon_cost_card_ids = fields.One2many("beauty.cost.card", "service_tmpl_id", string="Cost Cards")
    salon_cost_card_count = fields.Integer(compute="_compute_salon_cost_card_count", string="Cost Card Count")
    salon_material_cost = fields.Monetary(
        compute="_compute_salon_material_cost",
        string="Materials Cost",
        currency_field="cost_currency_id",
        help="Cost of the consumables of the service's cost card at their current valuation.",
    )
    is_salon_consumable = fields.Boolean(
        string="Salon Consumable",
        help="Used up in salon services; gets a reordering rule in every branch warehouse.",
    )
    salon_reorder_min_qty = fields.Float(
        string="Salon Minimum", digits="Product Unit of Measure", help="Minimum of the reordering rules."
    )
    salon_reorder_max_qty = fields.Float(
        string="Salon Maximum", digits="Product Unit of Measure", help="Maximum of the reordering rules."
    )
    salon_staff_price = fields.Float(
        compute="_compute_salon_prices", string="Staff Price", digits="Product Price"
    )
    salon_writeoff_price = fields.Float(
        compute="_compute_salon_prices", string="Write-off Price", digits="Product Price"
    )

    _sql_constraints = [
        (
            "salon_reorder_valid",
            "CHECK (salon_reorder_min_qty >= 0 AND salon_reorder_max_qty >= salon_reorder_min_qty)",
            "The salon maximum must be at least the minimum, and neither may be negative.",
        ),
    ]

    @api.depends("salon_cost_card_ids")
    def _compute_salon_cost_card_count(self):
        counts = dict(
            self.env["beauty.cost.card"]._read_group(
                [("service_tmpl_id", "in", self.ids)], ["service_tmpl_id"], ["__count"]
            )
        )
        for template in self:
            template.salon_cost_card_count = counts.get(template, 0)

    @api.depends_context("company")
    @api.depends("salon_cost_card_ids.line_ids.cost", "salon_cost_card_ids.service_id")
    def _compute_salon_material_cost(self):
        for template in self:
            cards = template.salon_cost_card_ids
            card = cards.filtered(lambda c: not c.service_id)[:1] or cards[:1]
            template.salon_material_cost = card.material_cost

    @api.depends_context("company")
    @api.depends("list_price", "standard_price")
    def _compute_salon_prices(self):
        company = self.env.company
        levels = {
            "salon_staff_price": company.salon_staff_pricelist_id,
            "salon_writeoff_price": company.salon_writeoff_pricelist_id,
        }
        for field_name, pricelist in levels.items():
            prices = pricelist._get_products_price(self, 1.0) if pricelist else {}
            for template in self:
                template[field_name] = prices.get(template.id, 0.0)

    def write(self, vals):
        result = super().write(vals)
        if REORDER_FIELDS & set(vals):
            self.filtered("is_salon_consumable")._salon_ensure_orderpoints()
        return result

    def action_salon_cost_cards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("beauty_salon_stock.beauty_cost_card_action")
        action["domain"] = [("service_tmpl_id", "=", self.id)]
        action["context"] = {"default_service_tmpl_id": self.id}
        return action

    def _salon_ensure_orderpoints(self):
        """A manual reordering rule per consumable variant in the warehouse of each branch the user works in.

        Existing rules get the salon minimum and maximum; the replenishment report then proposes orders.
        """
        # sudo: reordering rules are part of setting a consumable up; a salon manager need not be
        # a stock manager.
        Orderpoint = self.env["stock.warehouse.orderpoint"].sudo()
        companies = self.env.companies
        warehouses = self.env["stock.warehouse"].sudo().search([("company_id", "in", companies.ids)])
        warehouses = warehouses.grouped("company_id")
        variants = self.product_variant_ids.filtered("is_storable")
        existing = Orderpoint.with_context(active_test=False).search(
            [("product_id", "in", variants.ids), ("company_id", "in", companies.ids)]
        )
        by_key = {(op.product_id, op.location_id): op for op in existing}
        vals_list = []
        for variant in variants:
            template = variant.product_tmpl_id
            limits = {
                "product_min_qty": template.salon_reorder_min_qty,
                # Written field by field through a variant, max may still lag behind min.
                "product_max_qty": max(template.salon_reorder_max_qty, template.salon_reorder_min_qty),
            }
            for company, company_warehouses in warehouses.items():
                if template.company_id and template.company_id != company:
                    continue
                warehouse = company_warehouses[:1]
                orderpoint = by_key.get((variant, warehouse.lot_stock_id))
                if orderpoint:
                    orderpoint.write(dict(limits, active=True))
                else:
                    vals_list.append(
                        dict(
                            limits,
                            product_id=variant.id,
                            warehouse_id=warehouse.id,
                            location_id=warehouse.lot_stock_id.id,
                            company_id=company.id,
                            trigger="manual",
                        )
                    )
        if vals_list:
            Orderpoint.create(vals_list)
