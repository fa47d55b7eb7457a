# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class BeautySlotPicker(models.TransientModel):
    """Shows the next free times from the availability engine and books (or moves) on the chosen one."""

    _name = "beauty.slot.picker"
    _description = "Find a Free Time"

    partner_id = fields.Many2one("res.partner", string="Client")
    line_id = fields.Many2one("beauty.visit.line", string="Booking to Move")
    lead_id = fields.Many2one("crm.lead", string="Request")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    service_ids = fields.Many2many(
        "product.product", string="Services", domain="[('is_salon_service', '=', True)]"
    )
    master_id = fields.Many2one(
        "hr.employee", domain="[('is_salon_master', '=', True)]", help="Empty: any master."
    )
    date_from = fields.Datetime(string="From", required=True, default=fields.Datetime.now)
    days = fields.Integer(default=7, required=True)
    source = fields.Selection(
        [("phone", "Phone"), ("walk_in", "Walk-in"), ("online", "Online"), ("repeat", "Repeat Booking")],
        default="phone",
    )
    option_ids = fields.One2many("beauty.slot.picker.option", "picker_id", string="Free Times")

    @api.model
    def _option_limit(self):
        return 30

    def action_search(self):
        self.ensure_one()
        if not self.service_ids:
            raise UserError(self.env._("Choose at least one service."))
        date_from = max(self.date_from, fields.Datetime.now())
        options = self.env["beauty.availability"].find_slots(
            self.service_ids,
            date_from,
            date_from + timedelta(days=max(self.days, 1)),
            masters=self.master_id,
            company=self.company_id,
            limit=self._option_limit(),
            exclude_visit_ids=self.line_id.visit_id.ids,
        )
        Master = self.env["hr.employee"]
        self.option_ids = [Command.clear()] + [
            Command.create(
                {
                    "date_start": option["start"],
                    "date_stop": option["stop"],
                    "masters": ", ".join(Master.browse(line["master_id"]).name for line in option["lines"]),
                    "plan": [
                        {
                            "service_id": line["service_id"],
                            "master_id": line["master_id"],
                            "resource_ids": line["resource_ids"],
                            "date_start": fields.Datetime.to_string(line["date_start"]),
                        }
                        for line in option["lines"]
                    ],
                }
            )
            for option in options
        ]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Free Times"),
        }
