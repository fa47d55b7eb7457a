# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import api, fields, models

# Online booking limits: attempts per address and per phone within the window.
ATTEMPT_WINDOW = timedelta(hours=1)
MAX_ATTEMPTS_PER_IP = 10
MAX_ATTEMPTS_PER_PHONE = 5


class BeautyBookingAttempt(models.Model):
    """One try to book on the public page: the rate limit counts them per address and per phone."""

    _name = "beauty.booking.attempt"
    _description = "Online Booking Attempt"
    _order = "date desc"
    _log_access = False

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    ip_address = fields.Char(index=True)
    phone = fields.Char(index=True, help="Phone number in E.164 format.")

    @api.model
    def _is_limited(self, ip_address, phone):
        """True when this address or phone has tried too often lately (the attempt is recorded either way)."""
        since = fields.Datetime.now() - ATTEMPT_WINDOW
        by_ip = (
            self.search_count([("ip_address", "=", ip_address), ("date", ">=", since)]) if ip_address else 0
        )
        by_phone = self.search_count([("phone", "=", phone), ("date", ">=", since)]) if phone else 0
        self.create({"ip_address": ip_address, "phone": phone})
        return by_ip >= MAX_ATTEMPTS_PER_IP or by_phone >= MAX_ATTEMPTS_PER_PHONE

    @api.model
    def _gc_attempts(self):
        self.search([("date", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
        return True
