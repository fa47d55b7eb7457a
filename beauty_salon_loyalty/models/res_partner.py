# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResPartner(models.Model):
    """The client card shows the client's loyalty: discount card, points, certificates and visit packs."""

    _inherit = "res.partner"

    # The client card of beauty_salon defines the same field (same name as OCA partner_contact_birthdate).
    birthdate_date = fields.Date(string="Birthday")
    salon_pack_count = fields.Integer(
        compute="_compute_salon_loyalty", groups="beauty_salon.beauty_salon_group_user", string="Packs"
    )
    salon_card_ids = fields.One2many(
        "loyalty.card", "partner_id", string="Loyalty Cards", groups="beauty_salon.beauty_salon_group_user"
    )
    salon_loyalty_summary = fields.Char(
        string="Loyalty",
        compute="_compute_salon_loyalty",
        groups="beauty_salon.beauty_salon_group_user",
        help="Discount card, points, certificates and visit-pack sessions of the client.",
    )

    def _compute_salon_loyalty(self):
        Card = self.env["loyalty.card"]
        cards = Card.search([("partner_id", "in", self.ids)]).grouped("partner_id")
        packs = (
            self.env["beauty.visit.pack"]
            .search([("partner_id", "in", self.ids), ("state", "=", "active")])
            .grouped("partner_id")
        )
        for partner in self:
            partner_packs = packs.get(partner, self.env["beauty.visit.pack"])
            parts = cards.get(partner, Card)._salon_summary()
            for pack in partner_packs:
                left = f"{pack.remaining_count:g}"
                parts.append(self.env._("%(pack)s: %(left)s left", pack=pack.product_id.name, left=left))
            partner.salon_pack_count = len(partner_packs)
            partner.salon_loyalty_summary = " · ".join(parts)

    def action_salon_view_packs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Visit Packs"),
            "res_model": "beauty.visit.pack",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }
