# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime

from .beauty_availability import BLOCKING_STATES, hours, service_segments

# Changing any of these moves the busy time of the visit.
TIMING_FIELDS = {
    "date_start",
    "date_stop",
    "duration",
    "master_id",
    "resource_ids",
    "service_id",
    "buffer_before",
    "buffer_after",
    "processing_start",
    "processing_duration",
}


class BeautyVisitLine(models.Model):
    """A booking: one service of a visit, by one master, with its rooms/devices, at a time."""

    _name = "beauty.visit.line"
    _description = "Salon Booking"
    _order = "date_start, sequence, id"
    _check_company_auto = True

    visit_id = fields.Many2one("beauty.visit", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(related="visit_id.partner_id", store=True, index=True, string="Client")
    company_id = fields.Many2one(related="visit_id.company_id", store=True, index=True, string="Branch")
    state = fields.Selection(related="visit_id.state", store=True, index=True)
    service_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        domain="[('is_salon_service', '=', True)]",
    )
    master_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        check_company=True,
        domain="[('is_salon_master', '=', True)]",
    )
    resource_ids = fields.Many2many(
        "resource.resource",
        "beauty_visit_line_resource_rel",
        "line_id",
        "resource_id",
        string="Rooms/Devices",
        domain="[('resource_type', '=', 'material'), ('salon_category_id', '!=', False)]",
    )
    date_start = fields.Datetime(string="Start", required=True, index=True)
    duration = fields.Float(compute="_compute_timing", store=True, readonly=False, precompute=True)
    date_stop = fields.Datetime(
        string="End", compute="_compute_date_stop", store=True, readonly=False, precompute=True, required=True
    )
    buffer_before = fields.Float(compute="_compute_timing", store=True, readonly=False, precompute=True)
    buffer_after = fields.Float(compute="_compute_timing", store=True, readonly=False, precompute=True)
    processing_start = fields.Float(compute="_compute_timing", store=True, readonly=False, precompute=True)
    processing_duration = fields.Float(compute="_compute_timing", store=True, readonly=False, precompute=True)
    currency_id = fields.Many2one(related="visit_id.currency_id")
    price_unit = fields.Monetary(string="Price", compute="_compute_price_unit")
    note = fields.Char()
    color = fields.Integer(related="master_id.color")
    next_free_times = fields.Text(
        compute="_compute_next_free_times", help="The next free start times for this service and master."
    )

    _sql_constraints = [
        ("dates_check", "CHECK (date_stop > date_start)", "A booking must end after it starts."),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("service_id")
    def _compute_timing(self):
        for line in self:
            template = line.service_id.product_tmpl_id
            line.duration = template.salon_duration
            line.buffer_before = template.salon_buffer_before
            line.buffer_after = template.salon_buffer_after
            line.processing_start = template.salon_processing_start
            line.processing_duration = template.salon_processing_duration

    @api.depends("date_start", "duration")
    def _compute_date_stop(self):
        for line in self:
            line.date_stop = line.date_start and line.date_start + hours(line.duration or 0.25)

    @api.depends("service_id", "visit_id.pricelist_id", "date_start")
    def _compute_price_unit(self):
        for line in self:
            pricelist = line.visit_id.pricelist_id
            if not line.service_id:
                line.price_unit = 0.0
            elif pricelist:
                line.price_unit = pricelist._get_product_price(
                    line.service_id, 1.0, currency=line.currency_id, date=line.date_start
                )
            else:
                line.price_unit = line.service_id.lst_price

    @api.depends("service_id", "master_id", "date_start", "state")
    def _compute_next_free_times(self):
        """Offered while booking: the engine's next free times from the chosen start (or now)."""
        Availability = self.env["beauty.availability"]
        now = fields.Datetime.now()
        for line in self:
            if not line.service_id or line.state not in (False, "draft", "confirmed"):
                line.next_free_times = False
                continue
            start = max(line.date_start or now, now)
            options = Availability.find_slots(
                line.service_id,
                start,
                start + timedelta(days=3),
                masters=line.master_id._origin,
                company=line.company_id or self.env.company,
                limit=6,
                exclude_visit_ids=line.visit_id._origin.ids,
            )
            masters = self.env["hr.employee"].browse({o["lines"][0]["master_id"] for o in options})
            names = {master.id: master.name for master in masters}
            offers = []
            for option in options:
                start_text = format_datetime(self.env, option["start"], dt_format="short")
                offers.append(f"{start_text} — {names[option['lines'][0]['master_id']]}")
            line.next_free_times = "\n".join(offers) or self.env._("No free time in the next three days.")

    @api.depends("service_id", "master_id", "date_start")
    def _compute_display_name(self):
        for line in self:
            start = format_datetime(self.env, line.date_start, dt_format="short") if line.date_start else ""
            line.display_name = " · ".join(
                filter(None, [line.partner_id.name, line.service_id.name, line.master_id.name, start])
            )

    # ------------------------------------------------------------------ checks
    @api.constrains("master_id", "service_id")
    def _check_master_skill(self):
        for line in self:
            if not line.master_id.is_salon_master:
                raise ValidationError(
                    self.env._("%(employee)s is not a salon master.", employee=line.master_id.name)
                )
            if line.master_id not in line.service_id.product_tmpl_id.salon_master_ids:
                raise ValidationError(
                    self.env._(
                        "Master %(master)s does not perform %(service)s.",
                        master=line.master_id.name,
                        service=line.service_id.name,
                    )
                )

    def _check_units(self):
        """Every room/device category of the service has a unit (checked after automatic assignment)."""
        for line in self:
            needed = line.service_id.product_tmpl_id.salon_resource_category_ids
            missing = needed - line.resource_ids.salon_category_id
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(service)s needs a %(category)s, and none is free at that time.",
                        service=line.service_id.name,
                        category=missing[0].name,
                    )
                )

    @api.constrains("date_start", "date_stop", "master_id", "resource_ids")
    def _check_working_time(self):
        Availability = self.env["beauty.availability"]
        for line in self:
            if line.state not in BLOCKING_STATES or line.state == "done":
                continue
            for resource in line.master_id.resource_id | line.resource_ids:
                why = Availability._why_not_working(resource, line.date_start, line.date_stop)
                if why == "leave":
                    raise ValidationError(
                        self.env._(
                            "%(resource)s is on leave at %(start)s.",
                            resource=resource.name,
                            start=format_datetime(self.env, line.date_start, dt_format="short"),
                        )
                    )
                if why:
                    raise ValidationError(
                        self.env._(
                            "%(resource)s does not work from %(start)s to %(stop)s.",
                            resource=resource.name,
                            start=format_datetime(self.env, line.date_start, dt_format="short"),
                            stop=format_datetime(self.env, line.date_stop, dt_format="short"),
                        )
                    )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            partner_id = vals.pop("partner_id", None)
            company_id = vals.pop("company_id", None)
            if not vals.get("visit_id") and partner_id:
                # Booked straight from the calendar: the visit is created around the booking.
                visit = self.env["beauty.visit"].create(
                    {"partner_id": partner_id, "company_id": company_id or self.env.company.id}
                )
                vals["visit_id"] = visit.id
        lines = super().create(vals_list)
        lines.visit_id._check_editable()
        lines.with_context(salon_skip_sync=True)._assign_missing_units()
        lines._check_units()
        lines.visit_id._sync_busy_slots()
        self.env["beauty.board"]._notify_bookings_changed(lines)
        return lines

    def write(self, vals):
        self.visit_id._check_editable()
        self.env["beauty.board"]._notify_bookings_changed(self)
        if "date_stop" in vals and "duration" not in vals and len(self) == 1 and vals.get("date_stop"):
            # Resized in the calendar: the new end sets the duration.
            start = fields.Datetime.to_datetime(vals.get("date_start")) or self.date_start
            stop = fields.Datetime.to_datetime(vals["date_stop"])
            vals["duration"] = (stop - start).total_seconds() / 3600
        result = super().write(vals)
        if {"resource_ids", "service_id"} & set(vals):
            self._check_units()
        if TIMING_FIELDS & set(vals) and not self.env.context.get("salon_skip_sync"):
            self.visit_id._sync_busy_slots()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        self.visit_id._check_editable()

    def unlink(self):
        self.env["beauty.board"]._notify_bookings_changed(self)
        visits = self.visit_id
        result = super().unlink()
        visits.exists()._sync_busy_slots()
        return result

    # ------------------------------------------------------------------ busy time
    def _segments(self):
        """``(master_segments, unit_segment)`` of this booking (see ``service_segments``)."""
        self.ensure_one()
        return service_segments(
            self.date_start,
            self.date_stop - self.date_start,
            hours(self.buffer_before),
            hours(self.buffer_after),
            hours(self.processing_start),
            hours(self.processing_duration),
        )

    def _busy_intervals(self):
        """``(kind, resource, start, stop)`` for the master's and each room's/device's busy time."""
        master_segments, unit_segment = self._segments()
        intervals = [("master", self.master_id.resource_id, a, b) for a, b in master_segments]
        intervals += [("unit", unit, *unit_segment) for unit in self.resource_ids]
        return intervals

    def _assign_missing_units(self):
        """Give each booking one free unit of every room/device category its service needs."""
        Availability = self.env["beauty.availability"]
        for line in self:
            needed = (
                line.service_id.product_tmpl_id.salon_resource_category_ids
                - line.resource_ids.salon_category_id
            )
            if not needed or line.state not in BLOCKING_STATES:
                continue
            _master_segments, (start, stop) = line._segments()
            units = Availability._candidate_units(needed, line.company_id)
            all_units = self.env["resource.resource"].union(*units.values()) if units else line.resource_ids
            work = Availability._load_work(all_units, start - timedelta(days=1), stop + timedelta(days=1))
            busy = Availability._load_busy(all_units, start, stop, exclude_visit_ids=line.visit_id.ids)
            chosen = []
            for category in needed:
                free = next(
                    (
                        unit
                        for unit in units.get(category.id, [])
                        if work[unit.id].contains(line.date_start, line.date_stop)
                        and not busy[unit.id].overlaps(start, stop)
                    ),
                    None,
                )
                if free:
                    chosen.append(Command.link(free.id))
            if chosen:
                line.resource_ids = chosen

    # ------------------------------------------------------------------ hooks for the satellite addons
    def _salon_material_costs(self):
        """Cost of the consumables used by each booking, ``{line_id: amount}`` in company currency.

        ``beauty_salon_stock`` overrides it; payroll deducts it before a percentage without depending
        on stock.
        """
        return {}

    def _salon_commissions(self):
        """Commission earned by the master for each booking, ``{line_id: amount}`` in company currency.

        ``beauty_salon_payroll`` overrides it; the stock addon's profitability subtracts it when present.
        """
        return {}

    # ------------------------------------------------------------------ checkout
    def _prepare_sale_line_vals(self):
        self.ensure_one()
        return {
            "product_id": self.service_id.id,
            "product_uom_qty": 1.0,
            "salon_master_id": self.master_id.id,
            "salon_visit_line_id": self.id,
        }

    # ------------------------------------------------------------------ actions
    def action_open_visit(self):
        self.ensure_one()
        return self.visit_id.get_formview_action()

    def action_find_slots(self):
        """Open the slot picker for this booking's service and master, from its start time."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Free Times"),
            "res_model": "beauty.slot.picker",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_line_id": self.id,
                "default_service_ids": [Command.set(self.service_id.ids)],
                "default_master_id": self.master_id.id,
                "default_date_from": self.date_start,
            },
        }
