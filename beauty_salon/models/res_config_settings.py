# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    salon_slot_step = fields.Integer(related="company_id.salon_slot_step", readonly=False)
    salon_assignment = fields.Selection(related="company_id.salon_assignment", readonly=False)
    salon_allow_overbooking = fields.Boolean(related="company_id.salon_allow_overbooking", readonly=False)
    salon_late_cancel_hours = fields.Integer(related="company_id.salon_late_cancel_hours", readonly=False)
    salon_client_cancel_hours = fields.Integer(related="company_id.salon_client_cancel_hours", readonly=False)
    salon_overdue_factor = fields.Float(related="company_id.salon_overdue_factor", readonly=False)
    salon_overdue_min_visits = fields.Integer(related="company_id.salon_overdue_min_visits", readonly=False)
    salon_overdue_window_days = fields.Integer(related="company_id.salon_overdue_window_days", readonly=False)
    salon_hide_client_contacts = fields.Boolean(
        related="company_id.salon_hide_client_contacts", readonly=False
    )
    salon_restrict_client_export = fields.Boolean(
        related="company_id.salon_restrict_client_export", readonly=False
    )
    salon_retention_years = fields.Integer(related="company_id.salon_retention_years", readonly=False)
    salon_online_booking = fields.Boolean(related="company_id.salon_online_booking", readonly=False)
    salon_online_confirm = fields.Selection(related="company_id.salon_online_confirm", readonly=False)
    salon_online_lead_hours = fields.Integer(related="company_id.salon_online_lead_hours", readonly=False)
    salon_online_horizon_days = fields.Integer(related="company_id.salon_online_horizon_days", readonly=False)
