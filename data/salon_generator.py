# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A generated salon for benchmarks: masters, services, rooms, clients and any number of visits.

Usage, with an environment on a database where ``beauty_salon`` is installed::

    from data.salon_generator import generate

    salon = generate(env, 100_000)  # tops the database up to 100,000 generated visits
    env.cr.commit()

or from the command line: ``python3 tools/bench.py generate --visits 100000``.

The salon (one resource calendar, 7 days a week 09:00-21:00 Moscow time, ``masters`` masters, two massage
rooms, one laser device, ten services and ``clients`` clients) is created through the ORM and tagged with
XML ids in the ``salon_generator`` namespace, so a second call finds it again. Visits, their lines, their
rooms/devices and their busy slots are bulk-inserted with SQL: the ORM would need minutes for 100,000 of
them. The busy slots are derived from the lines exactly as ``beauty.visit._sync_busy_slots`` does it, so
the EXCLUDE constraints hold and the availability engine sees what a real booking would have written.

Time is laid out around ``anchor`` (a Monday): ``future_days`` days from the anchor on are partly
booked (mostly confirmed or draft), and the history runs backwards from the day before the anchor,
fully booked, mostly done. Each master's day is a sequence of visits whose busy time never overlaps
(a short visit may sit inside a colouring's processing window, when the master is free). Every day is
planned from its own seeded random generator, so a database topped up from 20,000 to 100,000 visits
holds the same visits as one built with 100,000 at once. Generated visits are named
``GEN/<local day>/<number>``; the generator's settings are fingerprinted in ``ir.config_parameter`` and a
data set made with other settings is refused rather than topped up inconsistently.
"""

import hashlib
import random
from collections import defaultdict, namedtuple
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytz
from psycopg2.extras import execute_values

from odoo import Command
from odoo.tools import SQL

SEED = 20260601
# A Monday: the first day of the booked future; the history ends the day before.
ANCHOR = date(2026, 6, 1)
TZ = "Europe/Moscow"
OPEN_HOUR = 9.0
CLOSE_HOUR = 21.0
FUTURE_DAYS = 14
CLIENTS = 3000
XMLID_MODULE = "salon_generator"
NAME_PREFIX = "GEN/"
CLIENT_REF_PREFIX = "GEN-"
FINGERPRINT_PARAM = "salon_generator.fingerprint"
BLOCKING_STATES = ("draft", "confirmed", "arrived", "in_service", "done")
# Minutes between two visits of a master on a busy day.
GAPS = (0, 0, 0, 0, 15)
# Minutes a master stays idle when a future slot is not booked (yet).
IDLE = (30, 45, 60, 90)
# Probability that a visit has a second service (by the same master, right after the first).
SECOND_SERVICE = 0.3
# Probability that a master takes a short visit while a colouring is processing.
PAUSE_FILL = 0.9
SPECIALTY_WEIGHT = 1.5
BATCH_VISITS = 10000


def _words(text):
    return tuple(text.split())


FEMALE_FIRST = _words(
    "Анна Мария Екатерина Ольга Татьяна Наталья Елена Ирина Светлана Юлия Дарья Ксения Алина "
    "Виктория Анастасия Полина Софья Александра Валерия Марина Людмила Галина Вера Надежда Евгения "
    "Кристина Алёна Яна Диана Вероника Любовь Оксана Жанна Маргарита Елизавета Варвара Ульяна Лариса "
    "Тамара Нина"
)
FEMALE_LAST = _words(
    "Иванова Смирнова Кузнецова Попова Васильева Петрова Соколова Михайлова Новикова Фёдорова "
    "Морозова Волкова Алексеева Лебедева Семёнова Егорова Павлова Козлова Степанова Николаева Орлова "
    "Андреева Макарова Никитина Захарова Зайцева Соловьёва Борисова Яковлева Григорьева Романова "
    "Воробьёва Сергеева Кузьмина Фролова Александрова Дмитриева Королёва Гусева Киселёва Ильина "
    "Максимова Полякова Сорокина Виноградова Ковалёва Белова Медведева Антонова Тарасова Жукова "
    "Баранова"
)
MALE_FIRST = _words(
    "Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил Иван Никита Егор"
)
MALE_LAST = _words(
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков "
    "Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин"
)
CANCEL_REASONS = (
    "Клиент заболел",
    "Перенос по просьбе клиента",
    "Не дозвонились для подтверждения",
    "Мастер на больничном",
    "Клиент передумал",
)
SOURCES = (("phone", 45), ("online", 30), ("repeat", 15), ("walk_in", 7), ("other", 3))

ServiceDef = namedtuple(
    "ServiceDef",
    [
        "code",
        "name",
        "duration",
        "buffer_before",
        "buffer_after",
        "processing_start",
        "processing_duration",
        "price",
        "category",
        "weight",
        "skill",
    ],
)
# Times in hours. ``skill`` "all" means every master performs the service; otherwise the masters whose
# profile lists that specialty. ``weight`` is how often the service is booked.
SERVICES = (
    ServiceDef("haircut_w", "Стрижка женская", 1.0, 0.0, 0.25, 0.0, 0.0, 2500.0, None, 3.0, "all"),
    ServiceDef("haircut_m", "Стрижка мужская", 0.5, 0.0, 0.0, 0.0, 0.0, 1500.0, None, 5.0, "all"),
    ServiceDef("styling", "Укладка", 0.5, 0.0, 0.0, 0.0, 0.0, 1800.0, None, 4.0, "all"),
    ServiceDef(
        "manicure", "Маникюр с покрытием гель-лак", 1.0, 0.0, 0.25, 0.0, 0.0, 2200.0, None, 3.0, "all"
    ),
    ServiceDef("colour", "Окрашивание волос", 2.5, 0.0, 0.25, 0.5, 1.0, 6500.0, None, 1.0, "colour"),
    ServiceDef("pedicure", "Педикюр", 1.5, 0.0, 0.25, 0.0, 0.0, 3200.0, None, 1.0, "pedicure"),
    ServiceDef(
        "massage_back", "Массаж спины", 1.0, 0.0, 0.25, 0.0, 0.0, 3500.0, "massage_room", 1.5, "massage"
    ),
    ServiceDef(
        "massage_full", "Общий массаж", 1.5, 0.0, 0.25, 0.0, 0.0, 5000.0, "massage_room", 1.0, "massage"
    ),
    ServiceDef("laser", "Лазерная эпиляция", 0.5, 0.25, 0.0, 0.0, 0.0, 3000.0, "laser", 3.0, "laser"),
    ServiceDef(
        "brows", "Коррекция и окрашивание бровей", 0.5, 0.0, 0.0, 0.0, 0.0, 1200.0, None, 4.0, "brows"
    ),
)
SERVICE_BY_CODE = {service.code: service for service in SERVICES}
# Services every master performs: an "any master" search over them has all masters as candidates.
ANY_MASTER_SERVICES = tuple(service.code for service in SERVICES if service.skill == "all")
# (code, name, units)
CATEGORIES = (
    ("massage_room", "Массажный кабинет", ("Массажный кабинет 1", "Массажный кабинет 2")),
    ("laser", "Лазерный аппарат", ("Лазерный аппарат Candela",)),
)
# (first name, surname, job title, specialties); more masters than profiles reuse them with a number.
MASTER_PROFILES = (
    ("Анна", "Смирнова", "Парикмахер-стилист", ("colour",)),
    ("Мария", "Кузнецова", "Парикмахер-стилист", ("colour",)),
    ("Екатерина", "Попова", "Колорист", ("colour",)),
    ("Ольга", "Васильева", "Парикмахер-стилист", ("colour", "brows")),
    ("Татьяна", "Петрова", "Колорист", ("colour",)),
    ("Наталья", "Соколова", "Парикмахер-универсал", ("colour", "pedicure")),
    ("Елена", "Михайлова", "Мастер ногтевого сервиса", ("pedicure",)),
    ("Ирина", "Новикова", "Мастер ногтевого сервиса", ("pedicure", "brows")),
    ("Светлана", "Фёдорова", "Мастер ногтевого сервиса", ("pedicure",)),
    ("Юлия", "Морозова", "Мастер ногтевого сервиса", ("pedicure", "brows")),
    ("Дарья", "Волкова", "Массажист", ("massage", "pedicure")),
    ("Ксения", "Алексеева", "Массажист", ("massage",)),
    ("Дмитрий", "Лебедев", "Массажист", ("massage",)),
    ("Алина", "Семёнова", "Косметолог", ("laser", "brows")),
    ("Виктория", "Егорова", "Косметолог", ("laser", "brows")),
)


def hours(value):
    return timedelta(seconds=round(value * 3600))


def minutes(value):
    return timedelta(minutes=value)


def master_profile(index):
    first, last, job, specialties = MASTER_PROFILES[index % len(MASTER_PROFILES)]
    cycle = index // len(MASTER_PROFILES)
    name = f"{first} {last}" if not cycle else f"{first} {last} {cycle + 1}"
    return name, job, specialties


def performs(specialties, service):
    return service.skill == "all" or service.skill in specialties


def fake_phone(rng):
    digits = [rng.randrange(100), rng.randrange(1000), rng.randrange(100), rng.randrange(100)]
    return "+7 9{:02d} {:03d}-{:02d}-{:02d}".format(*digits)


def fake_client(index, seed=SEED):
    """``(name, phone)`` of client number ``index``, the same for a given seed whatever else was created."""
    rng = random.Random(f"{seed}:client:{index}")
    if rng.random() < 0.85:
        name = f"{rng.choice(FEMALE_FIRST)} {rng.choice(FEMALE_LAST)}"
    else:
        name = f"{rng.choice(MALE_FIRST)} {rng.choice(MALE_LAST)}"
    return name, fake_phone(rng)


# ---------------------------------------------------------------------- the salon (ORM)
@dataclass
class Salon:
    """The generated salon's records, bound to one environment (``bind`` moves them to another)."""

    env: object
    anchor: date
    company: object
    calendar: object
    masters: object
    services: dict
    categories: dict
    units: dict
    clients: object

    def bind(self, env):
        def rebind(records):
            return env[records._name].browse(records.ids)

        return Salon(
            env=env,
            anchor=self.anchor,
            company=rebind(self.company),
            calendar=rebind(self.calendar),
            masters=rebind(self.masters),
            services={code: rebind(record) for code, record in self.services.items()},
            categories={code: rebind(record) for code, record in self.categories.items()},
            units={code: rebind(record) for code, record in self.units.items()},
            clients=rebind(self.clients),
        )

    @property
    def tz(self):
        return pytz.timezone(self.calendar.tz or TZ)

    def utc(self, day, hour=0.0):
        """Local ``day`` at ``hour`` (float hours) as the naive UTC datetime Odoo stores."""
        local = self.tz.localize(datetime.combine(day, time.min) + hours(hour))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def service_masters(self, code):
        return self.services[code].product_tmpl_id.salon_master_ids


def _ref(env, name):
    return env.ref(f"{XMLID_MODULE}.{name}", raise_if_not_found=False)


def _register(env, records, names):
    env["ir.model.data"].create(
        [
            {
                "module": XMLID_MODULE,
                "name": name,
                "model": record._name,
                "res_id": record.id,
                "noupdate": True,
            }
            for record, name in zip(records, names, strict=True)
        ]
    )


def _ensure_calendar(env, company):
    calendar = _ref(env, "calendar")
    if calendar:
        return calendar
    attendances = [
        Command.create(
            {
                "name": f"{day} {period}",
                "dayofweek": str(day),
                "hour_from": start,
                "hour_to": stop,
                "day_period": period,
            }
        )
        for day in range(7)
        for start, stop, period in ((OPEN_HOUR, 15.0, "morning"), (15.0, CLOSE_HOUR, "afternoon"))
    ]
    calendar = env["resource.calendar"].create(
        {
            "name": "Салон 7/7 09:00–21:00",
            "tz": TZ,
            "company_id": company.id,
            "attendance_ids": [Command.clear(), *attendances],
        }
    )
    _register(env, calendar, ["calendar"])
    return calendar


def _ensure_units(env, company):
    categories, units = {}, {}
    for code, name, unit_names in CATEGORIES:
        category = _ref(env, f"category_{code}")
        if not category:
            category = env["beauty.resource.category"].create({"name": name, "company_id": company.id})
            _register(env, category, [f"category_{code}"])
        records = env["resource.resource"]
        for number, unit_name in enumerate(unit_names, 1):
            unit = _ref(env, f"unit_{code}_{number}")
            if not unit:
                unit = env["resource.resource"].create(
                    {
                        "name": unit_name,
                        "resource_type": "material",
                        "salon_category_id": category.id,
                        "calendar_id": False,
                        "company_id": company.id,
                    }
                )
                _register(env, unit, [f"unit_{code}_{number}"])
            records |= unit
        categories[code], units[code] = category, records
    return categories, units


def _ensure_masters(env, company, calendar, count):
    names = [f"master_{index + 1:02d}" for index in range(count)]
    missing = [index for index, name in enumerate(names) if not _ref(env, name)]
    if missing:
        vals_list = []
        for index in missing:
            name, job, _specialties = master_profile(index)
            vals_list.append(
                {
                    "name": name,
                    "job_title": job,
                    "is_salon_master": True,
                    "resource_calendar_id": calendar.id,
                    "tz": TZ,
                    "company_id": company.id,
                    "mobile_phone": fake_phone(random.Random(f"master:{index}")),
                }
            )
        _register(env, env["hr.employee"].create(vals_list), [names[index] for index in missing])
    return env["hr.employee"].union(*(_ref(env, name) for name in names))


def _ensure_services(env, company, masters, categories):
    services = {}
    profiles = [master_profile(index)[2] for index in range(len(masters))]
    for service in SERVICES:
        skilled = [
            master.id
            for master, specialties in zip(masters, profiles, strict=True)
            if performs(specialties, service)
        ]
        product = _ref(env, f"service_{service.code}")
        if not product:
            category = categories.get(service.category)
            product = env["product.product"].create(
                {
                    "name": service.name,
                    "type": "service",
                    "is_salon_service": True,
                    "list_price": service.price,
                    "salon_duration": service.duration,
                    "salon_buffer_before": service.buffer_before,
                    "salon_buffer_after": service.buffer_after,
                    "salon_processing_start": service.processing_start,
                    "salon_processing_duration": service.processing_duration,
                    "salon_resource_category_ids": [Command.set(category.ids if category else [])],
                    "salon_master_ids": [Command.set(skilled)],
                    "company_id": company.id,
                }
            )
            _register(env, product, [f"service_{service.code}"])
        elif set(product.product_tmpl_id.salon_master_ids.ids) != set(skilled):
            product.product_tmpl_id.salon_master_ids = [Command.set(skilled)]
        services[service.code] = product
    return services


def _ensure_clients(env, count, seed):
    Partner = env["res.partner"].with_context(active_test=False)
    clients = Partner.search([("ref", "=like", f"{CLIENT_REF_PREFIX}%")], order="ref")
    if len(clients) < count:
        vals_list = []
        for index in range(len(clients), count):
            name, phone = fake_client(index, seed)
            vals_list.append({"name": name, "phone": phone, "ref": f"{CLIENT_REF_PREFIX}{index + 1:05d}"})
        # No tracking or followers for 3,000 imported clients: they are not what is measured.
        env["res.partner"].with_context(tracking_disable=True, mail_create_nolog=True).create(vals_list)
        clients = Partner.search([("ref", "=like", f"{CLIENT_REF_PREFIX}%")], order="ref")
    return clients[:count]


def ensure_salon(env, masters=15, clients=CLIENTS, seed=SEED, anchor=ANCHOR):
    """Create (or find again) the generated salon and return it as a ``Salon``."""
    company = env.company
    calendar = _ensure_calendar(env, company)
    categories, units = _ensure_units(env, company)
    master_records = _ensure_masters(env, company, calendar, masters)
    services = _ensure_services(env, company, master_records, categories)
    client_records = _ensure_clients(env, clients, seed)
    env.flush_all()
    return Salon(
        env=env,
        anchor=anchor,
        company=company,
        calendar=calendar,
        masters=master_records,
        services=services,
        categories=categories,
        units=units,
        clients=client_records,
    )


# ---------------------------------------------------------------------- visits (planned in Python)
class PlannedLine:
    __slots__ = ("master", "product_id", "service", "start", "stop", "unit_ids")

    def __init__(self, service, product_id, master, start, unit_ids):
        self.service = service
        self.product_id = product_id
        self.master = master
        self.start = start
        self.stop = start + hours(service.duration)
        self.unit_ids = unit_ids

    @property
    def unit_segment(self):
        return self.start - hours(self.service.buffer_before), self.stop + hours(self.service.buffer_after)


class PlannedVisit:
    __slots__ = (
        "cancel_date",
        "cancel_reason",
        "create_date",
        "lines",
        "name",
        "partner_id",
        "source",
        "state",
        "write_date",
    )

    def __init__(self, lines):
        self.lines = lines
        self.name = self.partner_id = self.state = self.source = None
        self.create_date = self.write_date = self.cancel_date = self.cancel_reason = None

    @property
    def date_start(self):
        return min(line.start for line in self.lines)

    @property
    def date_stop(self):
        return max(line.stop for line in self.lines)

    @property
    def master_free_at(self):
        return max(line.unit_segment[1] for line in self.lines)


MasterPlan = namedtuple("MasterPlan", "id resource_id services weights plain")


class DayPlanner:
    """Plans the visits of one local day; the same day and seed always give the same visits."""

    def __init__(self, salon, seed=SEED):
        self.salon = salon
        self.seed = seed
        self.client_ids = salon.clients.ids
        self.product_ids = {code: product.id for code, product in salon.services.items()}
        self.unit_ids = {code: units.ids for code, units in salon.units.items()}
        self.masters = []
        for index, master in enumerate(salon.masters):
            specialties = master_profile(index)[2]
            services = [s for s in SERVICES if master in salon.service_masters(s.code)]
            weights = [s.weight * (SPECIALTY_WEIGHT if s.skill in specialties else 1.0) for s in services]
            plain = [s for s in services if not s.category]
            self.masters.append(MasterPlan(master.id, master.resource_id.id, services, weights, plain))

    def plan(self, day):
        rng = random.Random(f"{self.seed}:{day.isoformat()}")
        offset = (day - self.salon.anchor).days
        fill = max(0.3, 0.85 - 0.04 * offset) if offset >= 0 else 1.0
        opening, closing = self.salon.utc(day, OPEN_HOUR), self.salon.utc(day, CLOSE_HOUR)
        unit_busy = defaultdict(list)
        visits = []
        for master in self.masters:
            moment = opening
            while moment < closing:
                if fill < 1.0 and rng.random() >= fill:
                    moment += minutes(rng.choice(IDLE))
                    continue
                moment += minutes(rng.choice(GAPS))
                visit = self._plan_visit(rng, master, moment, closing, unit_busy)
                if visit is None:
                    break
                visits.append(visit)
                if rng.random() < PAUSE_FILL:
                    visits.extend(self._plan_in_pause(rng, master, visit))
                moment = visit.master_free_at
        for number, visit in enumerate(visits, 1):
            visit.name = f"{NAME_PREFIX}{day:%Y%m%d}/{number:04d}"
            self._describe(rng, visit, offset)
        return visits

    def _plan_visit(self, rng, master, moment, closing, unit_busy):
        """A visit of ``master`` whose busy time starts at ``moment``, or None when nothing fits any more."""
        for _attempt in range(3):
            services = rng.choices(master.services, master.weights)
            if rng.random() < SECOND_SERVICE:
                services.append(rng.choice(master.plain))
            if len(services) == 2 and services[0] == services[1]:
                services.pop()
            lines, start = [], moment + hours(services[0].buffer_before)
            for service in services:
                lines.append(PlannedLine(service, self.product_ids[service.code], master, start, []))
                start = lines[-1].stop
            if max(line.unit_segment[1] for line in lines) > closing:
                continue
            if self._assign_units(lines, unit_busy):
                return PlannedVisit(lines)
        return None

    def _plan_in_pause(self, rng, master, visit):
        """A short visit of another client while the first line's processing frees the master."""
        line = visit.lines[0]
        service = line.service
        if not service.processing_duration:
            return []
        pause_start = line.start + hours(service.processing_start)
        pause = hours(service.processing_duration)
        fitting = [s for s in master.plain if hours(s.buffer_before + s.duration + s.buffer_after) <= pause]
        if not fitting:
            return []
        filler = rng.choice(fitting)
        start = pause_start + hours(filler.buffer_before)
        return [PlannedVisit([PlannedLine(filler, self.product_ids[filler.code], master, start, [])])]

    def _assign_units(self, lines, unit_busy):
        chosen = []
        for line in lines:
            if not line.service.category:
                continue
            a, b = line.unit_segment
            unit_id = next(
                (
                    unit_id
                    for unit_id in self.unit_ids[line.service.category]
                    if all(stop <= a or start >= b for start, stop in unit_busy[unit_id])
                ),
                None,
            )
            if unit_id is None:
                return False
            chosen.append((line, unit_id))
        for line, unit_id in chosen:
            line.unit_ids.append(unit_id)
            unit_busy[unit_id].append(line.unit_segment)
        return True

    def _describe(self, rng, visit, offset):
        """Client, state, source and bookkeeping dates: history is mostly done, the future booked."""
        visit.partner_id = self.client_ids[int(len(self.client_ids) * rng.random() ** 2)]
        visit.source = rng.choices([s for s, _w in SOURCES], [w for _s, w in SOURCES])[0]
        start, stop = visit.date_start, visit.date_stop
        if visit.source == "walk_in":
            visit.create_date = start - minutes(rng.choice((5, 10, 20)))
        else:
            visit.create_date = start - timedelta(hours=rng.randint(2, 24 * 21))
        draw = rng.random()
        if draw < (0.04 if offset < 0 else 0.03):
            visit.state = "cancelled"
            visit.cancel_reason = rng.choice(CANCEL_REASONS)
            visit.cancel_date = visit.create_date + (start - visit.create_date) * rng.uniform(0.2, 0.95)
            visit.write_date = visit.cancel_date
        elif offset < 0 and draw < 0.08:
            visit.state = "no_show"
            visit.write_date = start + minutes(30)
        elif offset < 0:
            visit.state = "done"
            visit.write_date = stop + minutes(rng.choice((5, 10, 15)))
        else:
            visit.state = "confirmed" if rng.random() < (0.8 if offset < 2 else 0.45) else "draft"
            visit.write_date = visit.create_date


# ---------------------------------------------------------------------- visits (bulk SQL)
def busy_rows(lines, line_ids):
    """Busy slots of one visit as ``(line_id, resource_id, kind, start, stop)``.

    The same rows ``beauty.visit._sync_busy_slots`` writes: per resource, the merged busy intervals of
    the visit's lines, each owned by the first line starting in it.
    """
    from odoo.addons.beauty_salon.models.beauty_availability import merge_intervals, service_segments

    per_resource = defaultdict(list)
    for line, line_id in zip(lines, line_ids, strict=True):
        service = line.service
        master_segments, unit_segment = service_segments(
            line.start,
            line.stop - line.start,
            hours(service.buffer_before),
            hours(service.buffer_after),
            hours(service.processing_start),
            hours(service.processing_duration),
        )
        for a, b in master_segments:
            per_resource[("master", line.master.resource_id)].append((a, b, line_id))
        for unit_id in line.unit_ids:
            per_resource[("unit", unit_id)].append((*unit_segment, line_id))
    rows = []
    for (kind, resource_id), items in per_resource.items():
        items.sort()
        for start, stop in merge_intervals((a, b) for a, b, _line in items):
            owner = next(line_id for a, _b, line_id in items if a >= start)
            rows.append((owner, resource_id, kind, start, stop))
    return rows


def _next_ids(cr, sequence, count):
    cr.execute(SQL("SELECT nextval(%s) FROM generate_series(1, %s)", sequence, count))
    return [row[0] for row in cr.fetchall()]


def insert_visits(env, salon, visits):
    """Bulk-insert planned visits with their lines, rooms/devices and busy slots."""
    if not visits:
        return
    cr = env.cr
    company_id = salon.company.id
    uid = env.ref("base.user_admin").id
    pricelist = salon.clients[:1].property_product_pricelist
    pricelist_id = pricelist.id or None
    visit_ids = _next_ids(cr, "beauty_visit_id_seq", len(visits))
    line_ids = _next_ids(cr, "beauty_visit_line_id_seq", sum(len(visit.lines) for visit in visits))
    visit_rows, line_rows, rel_rows, slot_rows = [], [], [], []
    next_line = iter(line_ids)
    for visit, visit_id in zip(visits, visit_ids, strict=True):
        visit_rows.append(
            (
                visit_id,
                visit.name,
                visit.partner_id,
                company_id,
                pricelist_id,
                visit.state,
                visit.source,
                False,
                visit.date_start,
                visit.date_stop,
                visit.cancel_reason,
                uid if visit.cancel_date else None,
                visit.cancel_date,
                uid,
                uid,
                visit.create_date,
                visit.write_date,
            )
        )
        ids = [next(next_line) for _line in visit.lines]
        for sequence, (line, line_id) in enumerate(zip(visit.lines, ids, strict=True), 1):
            service = line.service
            line_rows.append(
                (
                    line_id,
                    visit_id,
                    sequence * 10,
                    visit.partner_id,
                    company_id,
                    line.product_id,
                    line.master.id,
                    visit.state,
                    line.start,
                    line.stop,
                    service.duration,
                    service.buffer_before,
                    service.buffer_after,
                    service.processing_start,
                    service.processing_duration,
                    uid,
                    uid,
                    visit.create_date,
                    visit.write_date,
                )
            )
            rel_rows.extend((line_id, unit_id) for unit_id in line.unit_ids)
        if visit.state in BLOCKING_STATES:
            slot_rows.extend(
                (visit_id, line_id, resource_id, kind, start, stop, False, company_id, uid, uid, stamp, stamp)
                for line_id, resource_id, kind, start, stop in busy_rows(visit.lines, ids)
                for stamp in [visit.create_date]
            )
    execute_values(
        cr,
        """INSERT INTO beauty_visit (
               id, name, partner_id, company_id, pricelist_id, state, source, overbooked, date_start,
               date_stop, cancel_reason, cancel_user_id, cancel_date, create_uid, write_uid, create_date,
               write_date
           ) VALUES %s""",
        visit_rows,
        page_size=2000,
    )
    execute_values(
        cr,
        """INSERT INTO beauty_visit_line (
               id, visit_id, sequence, partner_id, company_id, service_id, master_id, state, date_start,
               date_stop, duration, buffer_before, buffer_after, processing_start, processing_duration,
               create_uid, write_uid, create_date, write_date
           ) VALUES %s""",
        line_rows,
        page_size=2000,
    )
    if rel_rows:
        execute_values(
            cr,
            "INSERT INTO beauty_visit_line_resource_rel (line_id, resource_id) VALUES %s",
            rel_rows,
            page_size=5000,
        )
    execute_values(
        cr,
        """INSERT INTO beauty_busy_slot (
               visit_id, line_id, resource_id, kind, date_start, date_stop, overbooked, company_id,
               create_uid, write_uid, create_date, write_date
           ) VALUES %s""",
        slot_rows,
        page_size=2000,
    )


def fingerprint(masters, future_days, clients, seed, anchor):
    """What decides the generated visits: a data set built with other settings cannot be topped up."""
    settings = (
        SERVICES,
        MASTER_PROFILES,
        CATEGORIES,
        GAPS,
        IDLE,
        SECOND_SERVICE,
        PAUSE_FILL,
        SPECIALTY_WEIGHT,
    )
    digest = hashlib.sha256(repr((settings, masters, future_days, clients, seed, str(anchor))).encode())
    return digest.hexdigest()[:16]


def _check_fingerprint(env, total, value):
    Param = env["ir.config_parameter"].sudo()  # sudo: a technical parameter of the benchmark database
    stored = Param.get_param(FINGERPRINT_PARAM)
    if total and stored != value:
        raise RuntimeError(
            f"The generated visits in this database were made with other generator settings ({stored} != "
            f"{value}): rebuild the database (BENCH_REBUILD=1 make bench)."
        )
    if stored != value:
        Param.set_param(FINGERPRINT_PARAM, value)


def generated_day_counts(env):
    """Number of generated visits per local day (``date``)."""
    env["beauty.visit"].flush_model(["name"])
    rows = env.execute_query(
        SQL(
            "SELECT substring(name FROM %s FOR 8), count(*) FROM beauty_visit WHERE name LIKE %s GROUP BY 1",
            len(NAME_PREFIX) + 1,
            f"{NAME_PREFIX}%",
        )
    )
    return {datetime.strptime(day, "%Y%m%d").date(): count for day, count in rows}


def generated_visit_count(env):
    return sum(generated_day_counts(env).values())


def day_sequence(anchor, future_days):
    """The order in which days are filled: the booked future first, then the history backwards."""
    for offset in range(future_days):
        yield anchor + timedelta(days=offset)
    day = anchor
    for _day in range(365 * 30):
        day -= timedelta(days=1)
        yield day


def generate(
    env,
    scale_visits,
    masters=15,
    future_days=FUTURE_DAYS,
    clients=CLIENTS,
    seed=SEED,
    anchor=ANCHOR,
    progress=None,
):
    """Top the database up to ``scale_visits`` generated visits and return the ``Salon``.

    Does nothing to the visits when there are already that many. Nothing is committed.

    :param progress: optional callable receiving ``(generated so far, target)`` after each batch
    """
    salon = ensure_salon(env, masters=masters, clients=clients, seed=seed, anchor=anchor)
    existing = generated_day_counts(env)
    total = sum(existing.values())
    _check_fingerprint(env, total, fingerprint(masters, future_days, clients, seed, anchor))
    if total >= scale_visits:
        return salon
    planner = DayPlanner(salon, seed)
    batch = []
    for day in day_sequence(anchor, future_days):
        if total + len(batch) >= scale_visits:
            break
        planned = planner.plan(day)
        have = existing.get(day, 0)
        if have >= len(planned):
            continue
        batch.extend(planned[have : have + scale_visits - total - len(batch)])
        if len(batch) >= BATCH_VISITS:
            insert_visits(env, salon, batch)
            total += len(batch)
            batch = []
            if progress:
                progress(total, scale_visits)
    insert_visits(env, salon, batch)
    total += len(batch)
    if progress:
        progress(total, scale_visits)
    for table in ("beauty_visit", "beauty_visit_line", "beauty_visit_line_resource_rel", "beauty_busy_slot"):
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    env.invalidate_all()
    return salon
