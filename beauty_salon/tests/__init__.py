# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import test_availability
from . import test_booking_overlap
from . import test_booking_concurrency
from . import test_visit_flow
from . import test_checkout
from . import test_access
from . import test_client_card
from . import test_messages
from . import test_import
from . import test_online_booking
from . import test_client_links
from . import test_crm
from . import test_board
from . import test_board_ui
from . import test_dashboard
from . import test_public_routes_hostile
from . import test_privacy
