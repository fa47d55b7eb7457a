# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models


class ProductTemplate(models.Model):
    """A salon service is a service product with the time it takes and what it needs.

    Time anatomy (all in hours, as Odoo's float_time widget shows them):
    ``[buffer before] work [processing] work [buffer after]``. ``salon_duration`` is the client's time
    in the chair, processing included; buffers block the master and the rooms/devices but not the
    client; during processing the master is free while the rooms/devices stay busy.
    """

    _inherit = "product.template"

    is_salon_service = fields.Boolean(string="Salon Service", index=True)
    salon_duration = fields.Float(string="Duration", default=1.0, help="Time with the client, in hours.")
    salon_buffer_before = fields.Float(string="Buffer Before", help="Preparation before the service.")
    salon_buffer_after = fields.Float(string="Buffer After", help="Cleanup after the service.")
    salon_processing_start = fields.Float(
        string="Processing Starts After",
        help="Time from the start of the service until processing begins (e.g. colour applied).",
    )
    salon_processing_duration = fields.Float(
        string="Processing Time",
        help="The master is free during this window while the client keeps the chair.",
    )
    salon_resource_category_ids = fields.Many2many(
        "beauty.resource.category",
        "beauty_service_resource_category_rel",
        "product_tmpl_id",
        "category_id",
        string="Needs Rooms/Devices",
        help="One free unit of each category is booked with the service.",
    )
    salon_master_ids = fields.Many2many(
        "hr.employee",
        "beauty_service_master_rel",
        "product_tmpl_id",
        "employee_id",
        string="Masters",
        domain="[('is_salon_master', '=', True)]",
        help="Masters who perform this service.",
    )

    _sql_constraints = [
        (
            "salon_times_valid",
            (
                "CHECK (salon_duration >= 0 AND salon_buffer_before >= 0 AND salon_buffer_after >= 0"
                " AND salon_processing_start >= 0 AND salon_processing_duration >= 0"
                " AND salon_processing_start + salon_processing_duration <= salon_duration)"
            ),
            "Service times must be positive and the processing window must fit inside the duration.",
        ),
    ]

    @api.onchange("is_salon_service")
    def _onchange_is_salon_service(self):
        if self.is_salon_service:
            self.type = "service"
