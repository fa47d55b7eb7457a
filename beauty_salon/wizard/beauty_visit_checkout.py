# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, api, fields, models


class BeautyVisitCheckout(models.TransientModel):
    """Checkout at the desk: the visit's services plus retail products, invoiced and paid in one step.

    Uses Odoo's own flow: sale order -> confirmation -> invoice -> payment registration.
    """

    _name = "beauty.visit.checkout"
    _description = "Salon Checkout"

    visit_id = fields.Many2one("beauty.visit", required=True)
    company_id = fields.Many2one(related="visit_id.company_id")
    currency_id = fields.Many2one(related="visit_id.currency_id")
    product_line_ids = fields.One2many("beauty.visit.checkout.line", "checkout_id", string="Retail Products")
    journal_id = fields.Many2one(
        "account.journal",
        string="Payment Method",
        domain="[('type', 'in', ('cash', 'bank')), ('company_id', '=', company_id)]",
        default=lambda self: self._default_journal_id(),
        help="Leave empty to invoice now and take the payment later.",
    )
    amount_services = fields.Monetary(related="visit_id.amount_total", string="Services")

    @api.model
    def _default_journal_id(self):
        return self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", self.env.company.id)], limit=1
        )

    def action_confirm(self):
        self.ensure_one()
        visit = self.visit_id
        order = visit._create_sale_order()
        if self.product_line_ids:
            order.order_line = [
                Command.create(line._prepare_sale_line_vals()) for line in self.product_line_ids
            ]
        if order.state in ("draft", "sent"):
            order.action_confirm()
        invoices = order._create_invoices()
        invoices.action_post()
        if self.journal_id:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoices.ids
            ).create({"journal_id": self.journal_id.id})._create_payments()
        if visit.state != "done":
            visit.action_done()
        if self.journal_id:
            visit._salon_after_payment()
        return visit.action_view_invoices()
