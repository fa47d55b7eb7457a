# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import beauty_revenue_report
from . import beauty_booking_report
from . import beauty_client_analysis
from . import beauty_dashboard
