# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, fields, models
from odoo.exceptions import UserError


class BeautySlotPickerOption(models.TransientModel):
    _name = "beauty.slot.picker.option"
    _description = "Free Time"
    _order = "date_start"

    picker_id = fields.Many2one("beauty.slot.picker", required=True, ondelete="cascade")
    date_start = fields.Datetime(string="Start", readonly=True)
    date_stop = fields.Datetime(string="End", readonly=True)
    masters = fields.Char(readonly=True)
    plan = fields.Json(readonly=True, help="The bookings this option makes (service, master, units, start).")

    def action_book(self):
        """Book a new visit on this time, or move the picker's booking to it."""
        self.ensure_one()
        picker = self.picker_id
        lines = [dict(line, date_start=fields.Datetime.to_datetime(line["date_start"])) for line in self.plan]
        if picker.line_id:
            first = lines[0]
            picker.line_id.write(
                {
                    "date_start": first["date_start"],
                    "master_id": first["master_id"],
                    "resource_ids": [Command.set(first["resource_ids"])],
                }
            )
            return picker.line_id.visit_id.get_formview_action()
        if not picker.partner_id:
            raise UserError(self.env._("Choose the client first."))
        visit = self.env["beauty.visit"].create(
            self.env["beauty.visit"]._prepare_from_option(
                picker.partner_id,
                {"lines": lines},
                company_id=picker.company_id.id,
                source=picker.source or "phone",
                lead_id=picker.lead_id.id,
            )
        )
        return visit.get_formview_action()
