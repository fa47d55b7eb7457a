# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from . import beauty_visit_cancel
from . import beauty_visit_reopen
from . import beauty_slot_picker
from . import beauty_slot_picker_option
from . import beauty_visit_checkout
from . import beauty_visit_checkout_line
from . import beauty_client_import
from . import beauty_client_import_line
