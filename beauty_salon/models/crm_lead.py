# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

from .res_partner import mask_contact

# The contact fields of a request that come out masked when it is a salon client's (see res.partner).
LEAD_CONTACT_FIELDS = ("phone", "mobile", "email_from", "email_normalized", "phone_sanitized")


class CrmLead(models.Model):
    """Salon funnel: a request becomes a booking, then a paid first visit (won), then a regular client."""

    _inherit = "crm.lead"

    salon_visit_ids = fields.One2many("beauty.visit", "lead_id", string="Visits")
    salon_visit_count = fields.Integer(compute="_compute_salon_visit_count", string="Salon Visits")
    salon_service_ids = fields.Many2many(
        "product.product", string="Wanted Services", domain="[('is_salon_service', '=', True)]"
    )
    salon_wanted_date = fields.Datetime(string="Wanted Time")

    @api.depends("salon_visit_ids")
    def _compute_salon_visit_count(self):
        counts = dict(
            self.env["beauty.visit"]._read_group([("lead_id", "in", self.ids)], ["lead_id"], ["__count"])
        )
        for lead in self:
            lead.salon_visit_count = counts.get(lead, 0)

    def _read_format(self, fnames, load="_classic_read"):
        """A salon client's phone and e-mail are masked on her requests as on her card."""
        result = super()._read_format(fnames, load=load)
        masked = [fname for fname in fnames if fname in LEAD_CONTACT_FIELDS]
        if masked and self.env["res.partner"]._salon_contacts_hidden():
            clients = set(self.filtered("partner_id.is_salon_client").ids)
            for vals in result:
                if vals["id"] in clients:
                    vals.update((fname, mask_contact(vals[fname])) for fname in masked)
        return result

    def _salon_move_to(self, xmlid):
        """Move salon-funnel leads forward to the stage ``xmlid`` (never backwards)."""
        stage = self.env.ref(xmlid)
        for lead in self.filtered(
            lambda ld: ld.team_id == stage.team_id and ld.stage_id.sequence < stage.sequence
        ):
            lead.stage_id = stage
        return True

    def action_salon_book(self):
        """Book a visit for this request: the slot picker, with the client created from the lead if needed."""
        self.ensure_one()
        if not self.partner_id:
            self._handle_partner_assignment(create_missing=True)
            self.partner_id.is_salon_client = True
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Book a Visit"),
            "res_model": "beauty.slot.picker",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_lead_id": self.id,
                "default_service_ids": self.salon_service_ids.ids,
                "default_date_from": self.salon_wanted_date or fields.Datetime.now(),
            },
        }

    def action_view_salon_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("beauty_salon.beauty_visit_action")
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id, "default_partner_id": self.partner_id.id}
        return action
