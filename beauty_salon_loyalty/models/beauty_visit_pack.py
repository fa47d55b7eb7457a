# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class BeautyVisitPack(models.Model):
    """A client's visit pack (абонемент): N sessions of some services, paid upfront, valid for a period.

    Created when the invoice that sold it is paid; a session is used each time a covered service is
    checked out. A manager can freeze it (validity moves by the frozen days) or extend it.
    """

    _name = "beauty.visit.pack"
    _description = "Visit Pack"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, index=True, default=lambda self: self.env.company
    )
    product_id = fields.Many2one(
        "product.product",
        string="Pack",
        required=True,
        readonly=True,
        domain="[('salon_pack_ok', '=', True)]",
    )
    service_ids = fields.Many2many(
        "product.product",
        "beauty_visit_pack_service_rel",
        "pack_id",
        "product_id",
        string="Covered Services",
        required=True,
        readonly=True,
    )
    session_count = fields.Integer(string="Sessions", required=True, readonly=True)
    usage_ids = fields.One2many("beauty.visit.pack.usage", "pack_id", string="Sessions Used")
    change_ids = fields.One2many("beauty.visit.pack.change", "pack_id", string="Freezes and Extensions")
    used_count = fields.Float(string="Used", compute="_compute_counts", store=True)
    remaining_count = fields.Float(string="Left", compute="_compute_counts", store=True)
    date_start = fields.Date(string="Valid From", required=True, readonly=True)
    validity_days = fields.Integer(string="Validity (days)", readonly=True)
    date_end = fields.Date(
        string="Valid Until",
        compute="_compute_date_end",
        store=True,
        help="Last day of validity, moved by freezes and extensions. Empty: no end.",
    )
    state = fields.Selection(
        [("active", "Active"), ("done", "Used Up"), ("expired", "Expired"), ("cancelled", "Refunded")],
        default="active",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    frozen = fields.Boolean(string="Frozen Today", compute="_compute_frozen")
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Sold On", readonly=True, index="btree_not_null", check_company=True
    )
    order_id = fields.Many2one(related="sale_line_id.order_id", string="Order")
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Price Paid", readonly=True)
    session_value = fields.Monetary(compute="_compute_session_value", store=True)
    revenue_policy = fields.Selection(
        [("sale", "When sold"), ("usage", "As sessions are used")],
        string="Revenue",
        required=True,
        readonly=True,
        default="sale",
    )
    recognised_amount = fields.Monetary(
        string="Value Used", compute="_compute_values", store=True, help="Value of the sessions used."
    )
    remaining_value = fields.Monetary(
        string="Unused Value",
        compute="_compute_values",
        store=True,
        help="Prepaid value of the sessions left: a liability until they are used or the pack expires.",
    )
    expiry_move_id = fields.Many2one("account.move", string="Write-off Entry", readonly=True, copy=False)

    _sql_constraints = [
        ("session_count_positive", "CHECK (session_count > 0)", "A visit pack has at least one session."),
    ]

    @api.depends("usage_ids.quantity", "session_count")
    def _compute_counts(self):
        groups = dict(
            self.env["beauty.visit.pack.usage"]._read_group(
                [("pack_id", "in", self.ids)], ["pack_id"], ["quantity:sum"]
            )
        )
        for pack in self:
            pack.used_count = groups.get(pack._origin, 0.0)
            pack.remaining_count = pack.session_count - pack.used_count

    @api.depends("date_start", "validity_days", "change_ids.days")
    def _compute_date_end(self):
        for pack in self:
            if pack.date_start and pack.validity_days:
                days = pack.validity_days + sum(pack.change_ids.mapped("days"))
                pack.date_end = pack.date_start + timedelta(days=days - 1)
            else:
                pack.date_end = False

    def _compute_frozen(self):
        today = fields.Date.context_today(self)
        for pack in self:
            pack.frozen = pack._is_frozen_on(today)

    @api.depends("amount", "session_count")
    def _compute_session_value(self):
        for pack in self:
            pack.session_value = (
                pack.currency_id.round(pack.amount / pack.session_count) if pack.session_count else 0.0
            )

    @api.depends("usage_ids.value", "amount", "state")
    def _compute_values(self):
        for pack in self:
            pack.recognised_amount = sum(pack.usage_ids.mapped("value"))
            unused = pack.amount - pack.recognised_amount
            pack.remaining_value = unused if pack.state in ("active", "done") else 0.0

    @api.depends("name", "product_id", "remaining_count")
    def _compute_display_name(self):
        for pack in self:
            left = f"{pack.remaining_count:g}"
            pack.display_name = self.env._(
                "%(number)s %(pack)s (%(left)s left)", number=pack.name, pack=pack.product_id.name, left=left
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("beauty.visit.pack") or "/"
        return super().create(vals_list)

    # ------------------------------------------------------------------ use
    def _is_frozen_on(self, day):
        self.ensure_one()
        return any(
            change.kind == "freeze" and change.date_from <= day <= change.date_to
            for change in self.change_ids
        )

    def _is_usable_on(self, day):
        self.ensure_one()
        return (
            self.state == "active"
            and self.date_start <= day
            and (not self.date_end or day <= self.date_end)
            and not self._is_frozen_on(day)
        )

    @api.model
    def _salon_usable(self, partner, company, day):
        """The client's packs that can pay a visit on ``day`` in ``company``, soonest to expire first."""
        # sudo: a pack sold in one branch pays visits in every branch of the chain.
        packs = self.sudo().search(
            [
                ("partner_id", "=", partner.id),
                ("state", "=", "active"),
                ("remaining_count", ">", 0),
                ("company_id", "child_of", company.root_id.id),
            ]
        )
        packs = packs.filtered(lambda pack: pack._is_usable_on(day))
        return packs.sorted(lambda pack: (not pack.date_end, pack.date_end or day, pack.id))

    def _salon_lock(self):
        """Lock these packs until the end of the transaction (two checkouts must not use the same session)."""
        self.env.execute_query(
            SQL("SELECT id FROM beauty_visit_pack WHERE id IN %s ORDER BY id FOR UPDATE", tuple(self.ids))
        )
        self.invalidate_recordset(["used_count", "remaining_count", "state"])

    @api.model
    def _salon_create_from_lines(self, lines):
        """One pack per unit sold on these (paid) order lines, valid from today."""
        today = fields.Date.context_today(self)
        vals_list = []
        for line in lines:
            template = line.product_id.product_tmpl_id
            order = line.order_id
            for _unit in range(int(line.product_uom_qty)):
                vals_list.append(
                    {
                        "partner_id": order.partner_id.id,
                        "company_id": order.company_id.id,
                        "product_id": line.product_id.id,
                        "service_ids": [fields.Command.set(template.salon_pack_service_ids.ids)],
                        "session_count": template.salon_pack_session_count,
                        "validity_days": template.salon_pack_validity_days,
                        "date_start": today,
                        "sale_line_id": line.id,
                        "amount": line.price_subtotal / line.product_uom_qty,
                        "revenue_policy": order.company_id.salon_pack_revenue,
                    }
                )
        return self.create(vals_list)

    def _salon_update_state(self):
        for pack in self.filtered(lambda p: p.state in ("active", "done")):
            state = "done" if pack.remaining_count <= 0 else "active"
            if pack.state != state:
                pack.state = state

    @api.model
    def _salon_expire(self, today):
        """Packs past their last day expire; under deferred revenue their unused value becomes income."""
        packs = self.search([("state", "=", "active"), ("date_end", "<", today)])
        for pack in packs:
            unused = pack.remaining_value
            pack.state = "expired"
            left = f"{pack.remaining_count:g}"
            pack.message_post(body=self.env._("Expired with %(left)s sessions left.", left=left))
            company = pack.company_id
            if pack.revenue_policy == "usage" and not company.currency_id.is_zero(unused):
                pack.expiry_move_id = self.env["account.move"]._salon_post_transfer(
                    company,
                    self.env._("Expired visit pack %(pack)s", pack=pack.name),
                    today,
                    [
                        (
                            pack.name,
                            company.salon_pack_deferred_account_id,
                            company.salon_loyalty_income_account_id,
                            unused,
                        )
                    ],
                )

    def _salon_cancel(self, reason):
        """The pack was refunded: no session can be used any more."""
        for pack in self.filtered(lambda p: p.state in ("active", "done")):
            pack.state = "cancelled"
            pack.message_post(body=self.env._("Refunded: %(reason)s", reason=reason))

    # ------------------------------------------------------------------ actions
    def action_open_change(self):
        self.ensure_one()
        if self.state != "active":
            raise UserError(self.env._("Only an active visit pack can be frozen or extended."))
        kind = self.env.context.get("salon_change_kind", "freeze")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Freeze") if kind == "freeze" else self.env._("Extend"),
            "res_model": "beauty.visit.pack.change",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pack_id": self.id, "default_kind": kind},
        }
