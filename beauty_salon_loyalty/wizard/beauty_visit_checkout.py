# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class BeautyVisitCheckout(models.TransientModel):
    """Checkout with loyalty: the discount card and visit packs apply by themselves; the receptionist may
    add bonus points to spend and a promotion code or gift certificate. All of it is on the order before it
    is confirmed, invoiced and paid."""

    _inherit = "beauty.visit.checkout"

    partner_id = fields.Many2one(related="visit_id.partner_id", string="Client")
    salon_card_id = fields.Many2one("loyalty.card", string="Discount Card", compute="_compute_salon_loyalty")
    salon_card_discount = fields.Float(related="salon_card_id.salon_discount", string="Card Discount (%)")
    salon_points_card_id = fields.Many2one(
        "loyalty.card", string="Points Card", compute="_compute_salon_loyalty"
    )
    salon_points_balance = fields.Float(related="salon_points_card_id.points", string="Points Balance")
    salon_points_expiring = fields.Float(related="salon_points_card_id.salon_expiring_points")
    salon_points_expiring_date = fields.Date(related="salon_points_card_id.salon_expiring_date")
    salon_points_max = fields.Float(
        string="Points Usable",
        compute="_compute_salon_loyalty",
        help="The balance, within the program's share of the services' price.",
    )
    salon_points_to_use = fields.Float(string="Pay with Points")
    salon_code = fields.Char(string="Promotion Code or Certificate")
    salon_pack_note = fields.Text(string="Visit Packs", compute="_compute_salon_loyalty")

    @api.depends("visit_id")
    def _compute_salon_loyalty(self):
        for wizard in self:
            visit = wizard.visit_id
            order = self.env["sale.order"].new(
                {
                    "partner_id": visit.partner_id.id,
                    "company_id": visit.company_id.id,
                    "pricelist_id": visit.pricelist_id.id,
                }
            )
            points_card = order._salon_points_card() if visit else self.env["loyalty.card"]
            wizard.salon_card_id = order._salon_discount_card() if visit else False
            wizard.salon_points_card_id = points_card
            share = points_card.program_id.salon_points_max_share
            cap = visit.amount_total * share / 100 if share else visit.amount_total
            wizard.salon_points_max = max(min(points_card.points, cap), 0.0)
            wizard.salon_pack_note = wizard._salon_pack_note()

    def _salon_pack_note(self):
        """Which services of the visit the client's visit packs will pay, as the order will apply them."""
        visit = self.visit_id
        if not visit:
            return False
        day = fields.Date.context_today(self)
        packs = self.env["beauty.visit.pack"]._salon_usable(visit.partner_id, visit.company_id, day)
        left = {pack: pack.remaining_count for pack in packs}
        notes = []
        for line in visit.line_ids:
            pack = next((p for p in packs if line.service_id in p.service_ids and left[p] >= 1), None)
            if pack:
                left[pack] -= 1
                sessions = f"{left[pack]:g}"
                notes.append(
                    self.env._(
                        "%(service)s: paid by %(pack)s (%(left)s left after this visit)",
                        service=line.service_id.name,
                        pack=pack.name,
                        left=sessions,
                    )
                )
        return "\n".join(notes) or False

    def action_confirm(self):
        self.ensure_one()
        if self.salon_points_to_use < 0:
            raise UserError(self.env._("Points to spend cannot be negative."))
        order = self.visit_id._create_sale_order()
        if order.state not in ("draft", "sent"):
            return super().action_confirm()
        order._salon_apply_loyalty(points=self.salon_points_to_use, code=self.salon_code)
        if self.product_line_ids:
            # The retail lines come with the confirmation, which applies the client's loyalty to them too.
            return super().action_confirm()
        if order.currency_id.is_zero(order.amount_total):
            # Paid in full by visit packs, points or a certificate: the zero invoice is paid when posted.
            self.journal_id = False
        return super(BeautyVisitCheckout, self.with_context(salon_loyalty_applied=True)).action_confirm()
