# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import pytz

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

    salon_late_cancel_hours = fields.Integer(
        string="Late Cancellation Window (h)",
        default=24,
        help="A cancellation less than this many hours before the start counts as late.",
    )
    salon_client_cancel_hours = fields.Integer(
        string="Client Cancellation Deadline (h)",
        default=12,
        help="Clients may cancel through their link until this many hours before the start.",
    )
    salon_overdue_factor = fields.Float(
        string="Overdue After (× own interval)",
        default=1.5,
        help="A regular client is overdue once this many of her own average intervals have passed.",
    )
    salon_overdue_min_visits = fields.Integer(
        string="Visits for an Own Rhythm", default=3, help="Clients with fewer visits use the fixed window."
    )
    salon_overdue_window_days = fields.Integer(
        string="Overdue Window (days)",
        default=90,
        help="Clients with few visits are overdue after this many days.",
    )

    salon_hide_client_contacts = fields.Boolean(
        string="Hide Client Contacts from Reception",
        help="Administrators (reception) of this branch see client phones and e-mails masked; they still "
        "find clients by phone and book them. Masters never see them, managers always do.",
    )
    salon_restrict_client_export = fields.Boolean(
        string="Only Managers Export Clients",
        default=True,
        help="Exports that contain salon clients are refused to everyone but salon managers.",
    )
    salon_retention_years = fields.Integer(
        string="Forget Clients After (years)",
        default=0,
        help="Clients of this branch without a visit for this many years are anonymised by a nightly job "
        "(their visits, invoices and consents are kept). 0: never.",
    )

    salon_online_booking = fields.Boolean(string="Online Booking", default=True)
    salon_online_confirm = fields.Selection(
        [("auto", "Confirmed at once"), ("manual", "Pending until the salon confirms")],
        string="Online Bookings Are",
        default="auto",
        required=True,
    )
    salon_online_lead_hours = fields.Integer(
        string="Online Lead Time (h)", default=1, help="Online clients can book from this many hours ahead."
    )
    salon_online_horizon_days = fields.Integer(
        string="Online Horizon (days)", default=60, help="Online clients can book this many days ahead."
    )

    _sql_constraints = [
        (
            "salon_slot_step_positive",
            "CHECK (salon_slot_step > 0)",
            "The booking grid step must be positive.",
        ),
        (
            "salon_retention_years_positive",
            "CHECK (salon_retention_years >= 0)",
            "The retention period cannot be negative.",
        ),
    ]

    def _salon_tz(self):
        """The branch's time zone: its working schedule's, else its address', else Moscow."""
        self.ensure_one()
        name = self.resource_calendar_id.tz or self.partner_id.tz or "Europe/Moscow"
        return pytz.timezone(name)
