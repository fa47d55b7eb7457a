# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The availability engine: one place that knows when masters, rooms and devices are free.

The back office, the slot picker, the online page and the tests all call ``find_slots``; the booking
path (``beauty.visit`` create/write) uses the same time anatomy (``service_segments``) to write busy
intervals, which PostgreSQL then guards with EXCLUDE constraints.
"""

import bisect
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, models
from odoo.tools import SQL

BLOCKING_STATES = ("draft", "confirmed", "arrived", "in_service", "done")


def hours(value):
    """A float number of hours (Odoo's float_time) as a timedelta, rounded to the second."""
    return timedelta(seconds=round((value or 0.0) * 3600))


def service_segments(start, duration, buffer_before, buffer_after, processing_start, processing_duration):
    """Busy intervals of one service starting at ``start`` (timedeltas for the rest).

    Returns ``(master_segments, unit_segment)``: the master is busy from the buffer before to the
    buffer after except during processing; rooms and devices are busy for the whole span.
    """
    stop = start + duration
    unit_segment = (start - buffer_before, stop + buffer_after)
    if processing_duration and processing_start + processing_duration <= duration:
        pause_start = start + processing_start
        pause_stop = pause_start + processing_duration
        candidates = [(start - buffer_before, pause_start), (pause_stop, stop + buffer_after)]
    else:
        candidates = [unit_segment]
    return [(a, b) for a, b in candidates if b > a], unit_segment


def merge_intervals(intervals):
    """Sort and merge overlapping or touching (start, stop) pairs."""
    merged = []
    for start, stop in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if stop > merged[-1][1]:
                merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    return merged


def subtract_intervals(intervals, removed):
    """Parts of sorted, disjoint ``intervals`` not covered by sorted, disjoint ``removed``."""
    result = []
    for start, stop in intervals:
        cursor = start
        for cut_start, cut_stop in removed:
            if cut_stop <= cursor or cut_start >= stop:
                continue
            if cut_start > cursor:
                result.append((cursor, cut_start))
            cursor = max(cursor, cut_stop)
        if cursor < stop:
            result.append((cursor, stop))
    return result


class IntervalSet:
    """Sorted, merged intervals with O(log n) containment and overlap tests."""

    __slots__ = ("starts", "stops")

    def __init__(self, intervals):
        merged = merge_intervals(intervals)
        self.starts = [a for a, _b in merged]
        self.stops = [b for _a, b in merged]

    def contains(self, start, stop):
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.stops[index] >= stop

    def overlaps(self, start, stop):
        index = bisect.bisect_right(self.stops, start)
        return index < len(self.starts) and self.starts[index] < stop

    def total_within(self, start, stop):
        """Seconds of the set that fall inside [start, stop)."""
        total = 0.0
        index = bisect.bisect_right(self.stops, start)
        while index < len(self.starts) and self.starts[index] < stop:
            total += (min(stop, self.stops[index]) - max(start, self.starts[index])).total_seconds()
            index += 1
        return total

    def __iter__(self):
        return iter(zip(self.starts, self.stops, strict=True))


class ServicePlan:
    """The time anatomy of one service, as timedeltas."""

    __slots__ = (
        "buffer_after",
        "buffer_before",
        "duration",
        "processing_duration",
        "processing_start",
        "product",
    )

    def __init__(self, product):
        template = product.product_tmpl_id
        self.product = product
        self.duration = hours(template.salon_duration)
        self.buffer_before = hours(template.salon_buffer_before)
        self.buffer_after = hours(template.salon_buffer_after)
        self.processing_start = hours(template.salon_processing_start)
        self.processing_duration = hours(template.salon_processing_duration)

    def segments(self, start):
        return service_segments(
            start,
            self.duration,
            self.buffer_before,
            self.buffer_after,
            self.processing_start,
            self.processing_duration,
        )


class BeautyAvailability(models.AbstractModel):
    _name = "beauty.availability"
    _description = "Salon Availability Engine"

    @api.model
    def _subtract_intervals(self, intervals, removed):
        """``subtract_intervals`` for the other salon addons (e.g. worked time without breaks)."""
        return subtract_intervals(intervals, removed)

    # ------------------------------------------------------------------ loading
    @api.model
    def _to_utc_naive(self, value):
        return value.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _load_work(self, resources, date_from, date_to, compute_leaves=True):
        """Working intervals per resource id (naive UTC), from each resource's calendar.

        Resources without a calendar (a room with no schedule) are always available.
        """
        start = pytz.utc.localize(date_from)
        stop = pytz.utc.localize(date_to)
        work = {}
        by_calendar = defaultdict(lambda: self.env["resource.resource"])
        for resource in resources:
            by_calendar[resource.calendar_id] |= resource
        for calendar, members in by_calendar.items():
            if not calendar:
                for resource in members:
                    work[resource.id] = IntervalSet([(date_from, date_to)])
                continue
            batch = calendar._work_intervals_batch(
                start, stop, resources=members, compute_leaves=compute_leaves
            )
            for resource in members:
                work[resource.id] = IntervalSet(
                    (self._to_utc_naive(a), self._to_utc_naive(b)) for a, b, _rec in batch[resource.id]
                )
        return work

    @api.model
    def _load_busy(self, resources, date_from, date_to, exclude_visit_ids=()):
        """Busy intervals per resource id from ``beauty_busy_slot`` in one query."""
        busy = defaultdict(list)
        if not resources:
            return {}
        self.env["beauty.busy.slot"].flush_model(["resource_id", "date_start", "date_stop", "visit_id"])
        rows = self.env.execute_query(
            SQL(
                """SELECT resource_id, date_start, date_stop FROM beauty_busy_slot
                    WHERE resource_id = ANY(%s) AND date_stop > %s AND date_start < %s
                      AND NOT (visit_id = ANY(%s))""",
                list(resources.ids),
                date_from,
                date_to,
                list(exclude_visit_ids),
            )
        )
        for resource_id, start, stop in rows:
            busy[resource_id].append((start, stop))
        return {resource.id: IntervalSet(busy.get(resource.id, [])) for resource in resources}

    # ------------------------------------------------------------------ candidates
    @api.model
    def _candidate_masters(self, plan, company, masters=None):
        """Masters able to perform the service, in a stable order (name, id)."""
        skilled = plan.product.product_tmpl_id.salon_master_ids.filtered(
            lambda m: m.is_salon_master and m.active and m.company_id == company and m.resource_id
        )
        if masters:
            skilled &= masters
        return skilled.sorted(lambda m: (m.name or "", m.id))

    @api.model
    def _candidate_units(self, categories, company):
        if not categories:
            return {}
        units = self.env["resource.resource"].search(
            [
                ("salon_category_id", "in", categories.ids),
                ("resource_type", "=", "material"),
                ("company_id", "in", [company.id, False]),
            ],
            order="name, id",
        )
        grouped = defaultdict(lambda: self.env["resource.resource"])
        for unit in units:
            grouped[unit.salon_category_id.id] |= unit
        return grouped

    # ------------------------------------------------------------------ the search
    @api.model
    def find_slots(
        self,
        services,
        date_from,
        date_to,
        masters=None,
        company=None,
        step=None,
        strategy=None,
        limit=None,
        exclude_visit_ids=(),
    ):
        """Free start times for a chain of services, done one after the other.

        :param services: ``product.product`` records, in the order they are done
        :param date_from, date_to: naive UTC datetimes bounding the start time
        :param masters: ``hr.employee`` records allowed (None or empty: any skilled master)
        :param company: the branch (default: the current company)
        :param step: grid step in minutes (default: the branch setting)
        :param strategy: ``earliest`` (first master by name) or ``least_busy`` (least booked that day)
        :param limit: stop after this many start times
        :param exclude_visit_ids: visits whose own busy time is ignored (rescheduling them)
        :return: a list of ``{"start", "stop", "lines": [{"service_id", "master_id", "resource_ids",
            "date_start", "date_stop"}]}`` sorted by start, one entry per start time
        """
        company = company or self.env.company
        step = timedelta(minutes=step or company.salon_slot_step or 15)
        strategy = strategy or company.salon_assignment
        plans = [ServicePlan(service) for service in services]
        if not plans or date_to <= date_from:
            return []
        candidates = [self._candidate_masters(plan, company, masters) for plan in plans]
        if not all(candidates):
            return []
        categories = services.product_tmpl_id.salon_resource_category_ids
        units = self._candidate_units(categories, company)
        if any(not units.get(category.id) for category in categories):
            return []

        chain_length = sum((plan.duration for plan in plans), timedelta())
        margin = max(max(plan.buffer_before, plan.buffer_after) for plan in plans) + chain_length
        window = (date_from - margin, date_to + margin)
        masters_all = self.env["hr.employee"].union(*candidates)
        units_all = (
            self.env["resource.resource"].union(*units.values()) if units else self.env["resource.resource"]
        )
        resources = masters_all.resource_id | units_all
        work = self._load_work(resources, *window)
        # Whole days around the window, so that "least busy" weighs each master's full day.
        busy = self._load_busy(
            resources,
            window[0] - timedelta(days=1),
            window[1] + timedelta(days=1),
            exclude_visit_ids=exclude_visit_ids,
        )
        load_cache = {}

        def master_load(master, moment):
            resource = master.resource_id
            tz = pytz.timezone(resource.calendar_id.tz or resource.tz or "UTC")
            local_day = pytz.utc.localize(moment).astimezone(tz).date()
            key = (master.id, local_day)
            if key not in load_cache:
                day_start = self._to_utc_naive(tz.localize(datetime.combine(local_day, time.min)))
                load_cache[key] = busy[master.resource_id.id].total_within(
                    day_start, day_start + timedelta(days=1)
                )
            return load_cache[key]

        # Each candidate with its resource's intervals, read once: the loop below runs per start time.
        candidate_intervals = [
            [(master, work[master.resource_id.id], busy[master.resource_id.id]) for master in masters]
            for masters in candidates
        ]

        def pick_master(index, start):
            plan = plans[index]
            master_segments, _unit_segment = plan.segments(start)
            stop = start + plan.duration
            free = [
                master
                for master, master_work, master_busy in candidate_intervals[index]
                if master_work.contains(start, stop)
                and not any(master_busy.overlaps(a, b) for a, b in master_segments)
            ]
            if not free:
                return None
            if strategy == "least_busy":
                return min(free, key=lambda m: (master_load(m, start), m.name or "", m.id))
            return free[0]

        def pick_units(index, start):
            plan = plans[index]
            _master_segments, (a, b) = plan.segments(start)
            chosen = []
            for category in plan.product.product_tmpl_id.salon_resource_category_ids:
                unit = next(
                    (
                        unit
                        for unit in units[category.id]
                        if work[unit.id].contains(start, start + plan.duration)
                        and not busy[unit.id].overlaps(a, b)
                    ),
                    None,
                )
                if unit is None:
                    return None
                chosen.append(unit.id)
            return chosen

        starts = self._grid_starts(candidates[0], work, plans[0].duration, date_from, date_to, step)
        options = []
        for start in starts:
            lines, cursor = [], start
            for index, plan in enumerate(plans):
                master = pick_master(index, cursor)
                unit_ids = master and pick_units(index, cursor)
                if unit_ids is None or not master:
                    break
                lines.append(
                    {
                        "service_id": plan.product.id,
                        "master_id": master.id,
                        "resource_ids": unit_ids,
                        "date_start": cursor,
                        "date_stop": cursor + plan.duration,
                    }
                )
                cursor += plan.duration
            else:
                options.append({"start": start, "stop": cursor, "lines": lines})
                if limit and len(options) >= limit:
                    break
        return options

    @api.model
    def _grid_starts(self, masters, work, duration, date_from, date_to, step):
        """Start times on the grid where at least one of ``masters`` works for ``duration``."""
        starts = set()
        step_seconds = step.total_seconds()
        epoch = datetime(1970, 1, 1)
        for master in masters:
            for a, b in work[master.resource_id.id]:
                first = max(a, date_from)
                offset = (first - epoch).total_seconds() % step_seconds
                moment = first + timedelta(seconds=(step_seconds - offset) % step_seconds)
                last = min(b - duration, date_to - timedelta(microseconds=1))
                while moment <= last:
                    starts.add(moment)
                    moment += step
        return sorted(starts)

    # ------------------------------------------------------------------ explanations
    @api.model
    def _why_not_working(self, resource, date_start, date_stop):
        """A reason why ``resource`` cannot work in [date_start, date_stop), or None when it can."""
        work = self._load_work(resource, date_start - timedelta(days=1), date_stop + timedelta(days=1))
        if work[resource.id].contains(date_start, date_stop):
            return None
        attendance = self._load_work(
            resource, date_start - timedelta(days=1), date_stop + timedelta(days=1), compute_leaves=False
        )
        if attendance[resource.id].contains(date_start, date_stop):
            return "leave"
        return "off"
