# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResCompany(models.Model):
    """A company is a salon branch: its booking settings live here."""

    _inherit = "res.company"

    salon_slot_step = fields.Integer(
        string="Booking Grid Step (min)",
        default=15,
        help="Free start times are offered on this grid, in minutes.",
    )
    salon_assignment = fields.Selection(
        [("earliest", "First free master"), ("least_busy", "Least busy master")],
        string="Master Assignment",
        default="earliest",
        required=True,
        help="How a master is chosen when the client asks for any master.",
    )
    salon_allow_overbooking = fields.Boolean(
        string="Allow Double Booking",
        help="Lets a salon manager book a master, room or device that is already busy, on purpose. "
        "Every such booking is logged on the visit.",
    )

    _sql_constraints = [
        (
            "salon_slot_step_positive",
            "CHECK (salon_slot_step > 0)",
            "The booking grid step must be positive.",
        ),
    ]
