# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    """A branch's salon stock settings: where used materials go, who hears about low stock, price levels."""

    _inherit = "res.company"

    salon_consumption_location_id = fields.Many2one(
        "stock.location",
        check_company=True,
        help="Virtual location the materials used in services are written off to; "
        "its valuation accounts receive their cost.",
    )
    salon_stock_manager_id = fields.Many2one(
        "res.users",
        help="Gets an activity when salon consumption drops a consumable below its reordering minimum. "
        "Without one, the product's responsible gets it.",
    )
    salon_staff_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Staff Pricelist",
        check_company=True,
        default=lambda self: self.env.ref(
            "beauty_salon_stock.product_pricelist_staff", raise_if_not_found=False
        ),
        help="Prices at which the staff buy products.",
    )
    salon_writeoff_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Write-off Pricelist",
        check_company=True,
        default=lambda self: self.env.ref(
            "beauty_salon_stock.product_pricelist_writeoff", raise_if_not_found=False
        ),
        help="Internal cost of products: what a write-off or a material costs the salon.",
    )

    def _create_per_company_locations(self):
        result = super()._create_per_company_locations()
        self._salon_create_consumption_location()
        return result

    def _salon_create_consumption_location(self):
        parent = self.env.ref("stock.stock_location_locations_virtual", raise_if_not_found=False)
        for company in self:
            company.salon_consumption_location_id = self.env["stock.location"].create(
                {
                    "name": self.env._("Salon Consumption"),
                    "usage": "inventory",
                    "location_id": parent.id if parent else False,
                    "company_id": company.id,
                }
            )

    def _salon_consumption_location(self):
        """The branch's consumption location, with its valuation accounts filled in when the chart allows."""
        self.ensure_one()
        if not self.salon_consumption_location_id:
            self._salon_create_consumption_location()
        location = self.salon_consumption_location_id
        if not location.valuation_in_account_id:
            account = self._salon_consumption_account()
            if account:
                location.write(
                    {"valuation_in_account_id": account.id, "valuation_out_account_id": account.id}
                )
        return location

    def _salon_consumption_account(self):
        """The expense account used materials are booked to: the branch's default product expense account."""
        self.ensure_one()
        Category = self.env["product.category"].with_company(self)
        account = Category._fields["property_account_expense_categ_id"].get_company_dependent_fallback(
            Category
        )
        if not account:
            Account = self.env["account.account"].with_company(self)
            account = Account.search(
                [*Account._check_company_domain(self), ("account_type", "=", "expense")], limit=1
            )
        return account

    def _salon_warehouse(self):
        """The branch's warehouse: one per branch, the first by sequence when there are several."""
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.id)], limit=1)
        if not warehouse:
            raise UserError(
                self.env._("Branch %(branch)s has no warehouse for its salon stock.", branch=self.name)
            )
        return warehouse

    @api.model
    def _salon_setup_companies(self):
        """Set up every existing branch when the addon is installed (new branches get it on creation)."""
        # Every branch: a handful of records.
        for company in self.search([]):  # pylint: disable=no-search-all
            company._salon_consumption_location()
            if not company.salon_staff_pricelist_id:
                company.salon_staff_pricelist_id = self.env.ref("beauty_salon_stock.product_pricelist_staff")
            if not company.salon_writeoff_pricelist_id:
                company.salon_writeoff_pricelist_id = self.env.ref(
                    "beauty_salon_stock.product_pricelist_writeoff"
                )
        self.env["stock.warehouse"]._salon_create_missing_consumption_types()
