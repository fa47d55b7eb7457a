# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class BeautyVisitPackUsage(models.Model):
    """Sessions taken from (positive) or given back to (negative) a visit pack, and the revenue they are
    worth."""

    _name = "beauty.visit.pack.usage"
    _description = "Visit Pack Session"
    _order = "date desc, id desc"
    _check_company_auto = True

    pack_id = fields.Many2one(
        "beauty.visit.pack",
        string="Visit Pack",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="pack_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="pack_id.partner_id", string="Client")
    date = fields.Date(required=True, default=fields.Date.context_today)
    quantity = fields.Float(string="Sessions", required=True, help="Negative: sessions given back.")
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Order Line", index="btree_not_null", check_company=True
    )
    order_id = fields.Many2one(related="sale_line_id.order_id", string="Order")
    service_id = fields.Many2one(related="sale_line_id.product_id", string="Service")
    visit_line_id = fields.Many2one(related="sale_line_id.salon_visit_line_id", string="Booking")
    master_id = fields.Many2one(related="sale_line_id.salon_master_id", string="Master")
    currency_id = fields.Many2one(related="pack_id.currency_id")
    value = fields.Monetary(readonly=True, help="Share of the pack's price these sessions are worth.")
    move_id = fields.Many2one("account.move", string="Revenue Entry", readonly=True)
    note = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        Pack = self.env["beauty.visit.pack"]
        pending = {}
        for vals in vals_list:
            pack = Pack.browse(vals["pack_id"])
            quantity = vals["quantity"]
            if quantity > 0:
                day = fields.Date.to_date(vals.get("date")) or fields.Date.context_today(self)
                left = pack.remaining_count - pending.get(pack, 0.0)
                if not pack._is_usable_on(day) or left < quantity:
                    states = dict(pack._fields["state"]._description_selection(self.env))
                    sessions = f"{left:g}"
                    raise UserError(
                        self.env._(
                            "Visit pack %(pack)s cannot pay for this visit (%(left)s sessions left, "
                            "valid until %(end)s, %(state)s).",
                            pack=pack.name,
                            left=sessions,
                            end=pack.date_end,
                            state=states[pack.state],
                        )
                    )
            vals.setdefault("value", self._salon_value(pack, quantity, vals.get("sale_line_id"), pending))
            pending[pack] = pending.get(pack, 0.0) + quantity
        usages = super().create(vals_list)
        usages.pack_id._salon_update_state()
        usages._salon_post_revenue()
        return usages

    @api.model
    def _salon_value(self, pack, quantity, sale_line_id, pending):
        """Revenue of ``quantity`` sessions: the last session takes what is left of the price (no rounding
        drift); a session given back is worth what it was worth when used."""
        if quantity < 0:
            uses = pack.usage_ids.filtered(lambda u: u.sale_line_id.id == sale_line_id and u.quantity > 0)
            per_session = (
                sum(uses.mapped("value")) / sum(uses.mapped("quantity")) if uses else pack.session_value
            )
            return pack.currency_id.round(per_session * quantity)
        if pack.remaining_count - pending.get(pack, 0.0) - quantity <= 0:
            return pack.amount - pack.recognised_amount
        return pack.currency_id.round(pack.session_value * quantity)

    def _salon_post_revenue(self):
        """Deferred revenue: each session used moves its value from the liability to the service's income."""
        for usage in self.filtered(lambda u: u.pack_id.revenue_policy == "usage" and u.value):
            company = usage.company_id
            service = (usage.sale_line_id.product_id or usage.pack_id.service_ids[:1]).with_company(company)
            income = service.product_tmpl_id._get_product_accounts()["income"]
            usage.move_id = self.env["account.move"]._salon_post_transfer(
                company,
                self.env._("Visit pack %(pack)s: %(service)s", pack=usage.pack_id.name, service=service.name),
                usage.date,
                [(usage.pack_id.name, company.salon_pack_deferred_account_id, income, usage.value)],
            )
