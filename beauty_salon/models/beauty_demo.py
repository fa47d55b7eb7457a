# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import random
from datetime import date, datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Days of the demo week, relative to today (salon time): three days back, four days ahead.
DEMO_DAYS = range(-3, 5)
OPENING, CLOSING = time(10, 0), time(21, 0)
# Single services booked in the demo week (xml id suffix, weight).
DEMO_SERVICES = [
    ("haircut_women", 8),
    ("haircut_men", 4),
    ("blowdry", 3),
    ("evening_hairstyle", 1),
    ("coloring", 4),
    ("highlights", 2),
    ("toning", 2),
    ("manicure", 5),
    ("manicure_gel", 7),
    ("pedicure", 4),
    ("nail_extension", 2),
    ("face_cleaning", 3),
    ("peeling", 2),
    ("face_care", 3),
    ("laser_legs", 2),
    ("laser_underarms", 2),
    ("massage_back", 3),
    ("massage_classic", 3),
    ("massage_anticellulite", 2),
    ("stone_therapy", 1),
    ("lpg_massage", 2),
    ("brow_shaping", 4),
    ("brow_lamination", 3),
    ("lash_extension", 3),
    ("lash_lamination", 2),
]
SERVICE_NAMES, SERVICE_WEIGHTS = zip(*DEMO_SERVICES, strict=True)
# Two services done one after the other by two different masters.
DEMO_COMBOS = [
    ("haircut_women", "manicure_gel"),
    ("coloring", "manicure"),
    ("brow_lamination", "manicure_gel"),
    ("blowdry", "brow_shaping"),
    ("pedicure", "lash_lamination"),
    ("massage_classic", "face_care"),
    ("haircut_men", "massage_back"),
]
SOURCES = ["phone"] * 4 + ["online"] * 3 + ["repeat"] * 2 + ["walk_in"]
CANCEL_REASONS = ["Клиент заболел", "Клиент заболел", "Перенос по просьбе клиента"]


class BeautyDemo(models.AbstractModel):
    """Builds the demo week of visits through the real booking path (no overlaps, within schedules)."""

    _name = "beauty.demo"
    _description = "Salon Demo Data"

    @api.model
    def _demo_ref(self, name):
        return self.env.ref(f"beauty_salon.{name}")

    @api.model
    def _book_demo_week(self):
        """Book a week of visits around today and move them through their states; called by the demo XML."""
        env = self.with_context(tracking_disable=True, mail_notrack=True, mail_create_nolog=True).env
        rng = random.Random(42)
        tz = pytz.timezone(self._demo_ref("resource_calendar_salon_52").tz or "Europe/Moscow")
        today = datetime.now(tz).date()
        clients = env["res.partner"].concat(
            *(self._demo_ref(f"res_partner_salon_client_{index:02d}") for index in range(1, 61))
        )
        self._prepare_demo_clients(env, rng, clients)
        visits = env["beauty.visit"]
        for offset in DEMO_DAYS:
            visits |= self._book_demo_day(env, rng, tz, today + timedelta(days=offset), clients)
        self._set_demo_states(rng, visits, self._demo_reference_time(tz, today))
        self._checkout_demo_visits(env, visits.filtered(lambda v: v.state == "done"))
        self._create_demo_leads(env)
        clients._salon_refresh_stats()
        return True

    @api.model
    def _prepare_demo_clients(self, env, rng, clients):
        """Consents for most clients (so that confirmations reach them), birthdays, a few allergies."""
        masters = env["hr.employee"].search([("is_salon_master", "=", True)])
        allergies = [
            "Аллергия на аммиачные красители",
            "Непереносимость латекса",
            "Чувствительная кожа головы",
        ]
        consents = []
        for index, client in enumerate(clients):
            client.write(
                {
                    "birthdate_date": date(1970 + index % 35, 1 + index % 12, 1 + (index * 7) % 28),
                    "salon_gender": "male" if index % 9 == 0 else "female",
                    "salon_preferred_master_ids": [Command.set(masters[index % len(masters)].ids)],
                    "salon_allergies": allergies[index % 3] if index % 15 == 0 else False,
                }
            )
            if index % 8:  # every eighth client has not signed yet
                consents.append({"partner_id": client.id, "purpose": "personal_data", "channel": "paper"})
            if index % 3 == 0:
                consents.append({"partner_id": client.id, "purpose": "marketing", "channel": "email"})
        env["beauty.consent"].create(consents)

    @api.model
    def _checkout_demo_visits(self, env, visits, retail_every=3):
        """Done visits are paid at the desk (cash), so that revenue and client figures are real; every
        ``retail_every``-th client also buys a retail product from her master.

        The demo salon is on the simplified tax system: its services and products sell without VAT (the
        generic chart's sales tax, Odoo having no Russian chart, would otherwise be put on them).
        """
        products = self._demo_ref("product_salon_retail_shampoo") | self._demo_ref(
            "product_salon_retail_cuticle_oil"
        )
        services = env["product.template"].search([("is_salon_service", "=", True)])
        (services | products.product_tmpl_id).taxes_id = [Command.clear()]
        journal = env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", env.company.id)], limit=1
        )
        for index, visit in enumerate(visits):
            retail = []
            if index % retail_every == 0:
                product = products[index // retail_every % len(products)]
                retail = [
                    Command.create({"product_id": product.id, "master_id": visit.line_ids[0].master_id.id})
                ]
            env["beauty.visit.checkout"].create(
                {"visit_id": visit.id, "journal_id": journal.id, "product_line_ids": retail}
            ).action_confirm()

    @api.model
    def _create_demo_leads(self, env):
        """A few requests in the client funnel and corporate deals in the B2B pipeline."""
        Lead = env["crm.lead"]
        funnel = self._demo_ref("crm_team_salon_clients")
        for name, phone, stage in (
            ("Заявка с сайта: окрашивание", "+7 916 400-10-01", "crm_stage_salon_new"),
            ("Звонок: маникюр и педикюр", "+7 916 400-10-02", "crm_stage_salon_new"),
            ("Заявка: массаж спины", "+7 916 400-10-03", "crm_stage_salon_contacted"),
        ):
            Lead.create(
                {
                    "name": name,
                    "type": "opportunity",
                    "contact_name": name.split(":")[0],
                    "phone": phone,
                    "team_id": funnel.id,
                    "stage_id": self._demo_ref(stage).id,
                }
            )
        b2b = self._demo_ref("crm_team_salon_b2b")
        for name, revenue, stage in (
            ("ООО «Ромашка»: сертификаты к 8 Марта", 150000, "crm_stage_b2b_proposal"),
            ("АО «Северный банк»: забота о сотрудниках", 480000, "crm_stage_b2b_negotiation"),
            ("ИП Кузнецова: корпоратив", 60000, "crm_stage_b2b_qualified"),
        ):
            Lead.create(
                {
                    "name": name,
                    "type": "opportunity",
                    "team_id": b2b.id,
                    "stage_id": self._demo_ref(stage).id,
                    "expected_revenue": revenue,
                }
            )

    @api.model
    def _demo_service(self, env, suffix):
        return self._demo_ref(f"beauty_service_{suffix}").with_env(env).product_variant_id

    @api.model
    def _book_demo_day(self, env, rng, tz, day, clients):
        """Book about ten visits on ``day``, skipping any option the booking path refuses."""
        Availability = env["beauty.availability"]
        Visit = env["beauty.visit"]
        company = env.ref("base.main_company")
        closing = self._demo_utc(tz, day, CLOSING)
        free_clients = list(clients)
        rng.shuffle(free_clients)
        target = rng.randint(9, 13)
        visits = Visit
        for _attempt in range(target * 4):
            if len(visits) >= target or not free_clients:
                break
            if rng.random() < 0.3:
                services = [self._demo_service(env, suffix) for suffix in rng.choice(DEMO_COMBOS)]
            else:
                services = [self._demo_service(env, rng.choices(SERVICE_NAMES, SERVICE_WEIGHTS)[0])]
            services = env["product.product"].concat(*services)
            hour = rng.randrange(OPENING.hour * 4, (CLOSING.hour - 1) * 4) / 4
            start = self._demo_utc(tz, day, time(int(hour), int(hour % 1 * 60)))
            options = Availability.find_slots(
                services, start, closing, company=company, strategy="least_busy", limit=3
            )
            if not options:
                continue
            option = rng.choice(options)
            partner = free_clients.pop()
            vals = Visit._prepare_from_option(
                partner, option, source=rng.choice(SOURCES), company_id=company.id
            )
            try:
                with env.cr.savepoint():
                    visits |= Visit.create(vals)
            except (ValidationError, UserError):
                free_clients.insert(0, partner)
        return visits

    @api.model
    def _demo_utc(self, tz, day, moment):
        """A local wall-clock time of the salon as the naive UTC datetime Odoo stores."""
        return tz.localize(datetime.combine(day, moment)).astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _demo_reference_time(self, tz, today):
        """Now, kept inside today's opening hours so that someone is always being served."""
        now = fields.Datetime.now()
        earliest = self._demo_utc(tz, today, time(11, 30))
        latest = self._demo_utc(tz, today, time(19, 30))
        return min(max(now, earliest), latest)

    @api.model
    def _set_demo_states(self, rng, visits, now):
        """Past visits are mostly done (a few no-shows and cancellations), today's are being served,
        future ones are booked or confirmed (a few cancelled)."""
        visits = visits.sorted(lambda v: (v.date_start, v.id))
        past = visits.filtered(lambda v: v.date_stop <= now)
        current = visits.filtered(lambda v: v.date_start <= now < v.date_stop)
        soon = visits.filtered(lambda v: now < v.date_start <= now + timedelta(hours=1))
        future = visits - past - current - soon
        if not current and past:
            # Nobody in the chair right now: the last client of the day is still being served.
            current, past = past[-1], past[:-1]
        if not soon and future:
            soon, future = future[0], future[1:]

        past_list = list(past)
        rng.shuffle(past_list)
        lost = max(2, len(past_list) // 12)
        no_show = visits.browse([v.id for v in past_list[:lost]])
        past_cancelled = visits.browse([v.id for v in past_list[lost : 2 * lost]])
        done = past - no_show - past_cancelled

        future_list = list(future)
        rng.shuffle(future_list)
        future_cancelled = visits.browse([v.id for v in future_list[: max(1, len(future_list) // 15)]])
        rest = future - future_cancelled
        confirmed = rest.filtered(lambda v: v.date_start < now + timedelta(days=2) or rng.random() < 0.3)
        if confirmed == rest and len(rest) > 1:
            confirmed = rest[:-1]

        (done | current | soon | no_show[::2] | past_cancelled[::2] | future_cancelled[::2]).action_confirm()
        (done | current | soon).action_arrive()
        (done | current).action_start()
        done.action_done()
        no_show.action_no_show()
        for index, visit in enumerate(past_cancelled | future_cancelled):
            visit.action_cancel(CANCEL_REASONS[index % len(CANCEL_REASONS)])
        confirmed.action_confirm()
