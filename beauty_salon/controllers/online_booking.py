# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public online booking page: branch → services → master or any → day → time → contact → booked.

Everything the client sends is validated here; the booking itself goes through the one booking path
(``beauty.visit.create``), inside the request's transaction, where the database constraints decide.
"""

import re
from datetime import date, datetime, timedelta

import pytz
from werkzeug.exceptions import BadRequest, NotFound

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request

MAX_SERVICES = 5
NAME_RE = re.compile(r"^[^\x00-\x1f<>{}]{2,100}$")
# Options offered on one day, and when a time was taken meanwhile.
DAY_OPTIONS, NEXT_OPTIONS = 60, 6


class SalonOnlineBooking(http.Controller):
    # ------------------------------------------------------------------ validation helpers
    def _company(self, company_id):
        # sudo: public page; only companies that opened online booking are served.
        companies = request.env["res.company"].sudo().search([("salon_online_booking", "=", True)])
        if not company_id:
            return companies[:1] if len(companies) == 1 else None, companies
        try:
            company = companies.filtered(lambda c: c.id == int(company_id))
        except (TypeError, ValueError):
            raise BadRequest(request.env._("Unknown branch.")) from None
        if not company:
            raise NotFound()
        return company, companies

    def _services(self, company, service_ids):
        ids = self._int_list(service_ids)
        if len(ids) > MAX_SERVICES:
            raise BadRequest(request.env._("Choose at most %(count)s services.", count=MAX_SERVICES))
        services = self._offered_services(company).filtered(lambda s: s.id in ids)
        if len(services) != len(set(ids)):
            raise BadRequest(request.env._("Unknown service."))
        # Keep the client's order: the services are done one after the other.
        return services.sorted(lambda s: ids.index(s.id))

    def _offered_services(self, company):
        # sudo: the public user reads the published catalogue of services only.
        return (
            request.env["product.product"]
            .sudo()
            .search(
                [
                    ("is_salon_service", "=", True),
                    ("sale_ok", "=", True),
                    ("company_id", "in", [company.id, False]),
                    ("salon_master_ids", "!=", False),
                ],
                order="categ_id, name",
            )
        )

    def _master(self, company, services, master_id):
        if not master_id:
            return request.env["hr.employee"].sudo()
        try:
            master_id = int(master_id)
        except (TypeError, ValueError):
            raise BadRequest(request.env._("Unknown master.")) from None
        masters = self._masters_for(company, services)
        master = masters.filtered(lambda m: m.id == master_id)
        if not master:
            raise BadRequest(request.env._("This master does not perform the chosen services."))
        return master

    def _masters_for(self, company, services):
        """Masters of the branch who perform every chosen service (sudo: names only are shown)."""
        masters = (
            request.env["hr.employee"]
            .sudo()
            .search([("is_salon_master", "=", True), ("company_id", "=", company.id)])
        )
        for service in services:
            masters &= service.product_tmpl_id.salon_master_ids
        return masters

    def _int_list(self, value):
        if not value:
            return []
        items = value if isinstance(value, list) else str(value).split(",")
        try:
            return [int(item) for item in items if str(item).strip()]
        except ValueError:
            raise BadRequest(request.env._("Invalid list of services.")) from None

    def _day(self, company, value):
        tz = company._salon_tz()
        today = datetime.now(tz).date()
        if not value:
            return today
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            raise BadRequest(request.env._("Invalid date.")) from None
        if day < today or day > today + timedelta(days=company.salon_online_horizon_days):
            raise BadRequest(
                request.env._(
                    "Choose a day between today and %(days)s days ahead.",
                    days=company.salon_online_horizon_days,
                )
            )
        return day

    def _start(self, company, value):
        try:
            start = datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            raise BadRequest(request.env._("Invalid time.")) from None
        self._check_bookable_time(company, start)
        return start

    def _chosen_time(self, company_id, service_ids, master_id, start):
        """The branch, services, master and start time a client chose, each validated (404 / 400)."""
        company, companies = self._company(company_id)
        if not company:
            raise NotFound()
        services = self._services(company, service_ids)
        if not services:
            raise BadRequest(request.env._("Choose at least one service."))
        master = self._master(company, services, master_id)
        return company, companies, services, master, self._start(company, start)

    def _check_bookable_time(self, company, start):
        now = fields.Datetime.now()
        if start < now + timedelta(hours=company.salon_online_lead_hours):
            raise BadRequest(
                request.env._("This time has passed or is too close; please choose a later one.")
            )
        if start > now + timedelta(days=company.salon_online_horizon_days + 1):
            raise BadRequest(request.env._("This time is too far ahead."))

    def _slots(self, company, services, master, date_from, date_to, limit):
        earliest = fields.Datetime.now() + timedelta(hours=company.salon_online_lead_hours)
        date_from = max(date_from, earliest)
        if not services or date_to <= date_from:
            return []
        # sudo: the engine reads schedules and busy times; only free start times go out.
        return (
            request.env["beauty.availability"]
            .sudo()
            .find_slots(services, date_from, date_to, masters=master, company=company, limit=limit)
        )

    def _day_bounds(self, company, day):
        tz = company._salon_tz()
        start = (
            tz.localize(datetime.combine(day, datetime.min.time())).astimezone(pytz.utc).replace(tzinfo=None)
        )
        return start, start + timedelta(days=1)

    def _values(self, company, companies, services, master, **extra):
        tz = company._salon_tz() if company else pytz.timezone("Europe/Moscow")
        return dict(
            extra,
            company=company,
            companies=companies,
            services=services,
            service_param=",".join(str(i) for i in services.ids) if services else "",
            master=master,
            masters=self._masters_for(company, services) if company and services else [],
            offered_services=self._offered_services(company) if company else [],
            local_time=lambda dt: pytz.utc.localize(dt).astimezone(tz),
        )

    # ------------------------------------------------------------------ pages
    # readonly: the pages only read, so Odoo may serve them from a read replica (db_replica_host).
    @http.route("/salon/booking", type="http", auth="public", methods=["GET"], sitemap=False, readonly=True)
    def booking(self, company_id=None, service_ids=None, master_id=None, day=None, **_kw):
        """Choose the branch, services, master and day; the free times of that day are listed."""
        company, companies = self._company(company_id)
        if not company:
            return request.render(
                "beauty_salon.online_booking_page", self._values(None, companies, None, None)
            )
        services = self._services(company, service_ids)
        master = self._master(company, services, master_id)
        chosen_day = self._day(company, day)
        options = []
        if services:
            options = self._slots(
                company, services, master, *self._day_bounds(company, chosen_day), DAY_OPTIONS
            )
        return request.render(
            "beauty_salon.online_booking_page",
            self._values(company, companies, services, master, day=chosen_day, options=options),
        )

    @http.route(
        "/salon/booking/confirm", type="http", auth="public", methods=["GET"], sitemap=False, readonly=True
    )
    def booking_confirm(self, company_id=None, service_ids=None, master_id=None, start=None, **_kw):
        """The contact form for the chosen time."""
        company, companies, services, master, start_dt = self._chosen_time(
            company_id, service_ids, master_id, start
        )
        return request.render(
            "beauty_salon.online_booking_confirm",
            self._values(
                company, companies, services, master, start=start_dt, start_param=start, form={}, errors={}
            ),
        )

    @http.route("/salon/booking/book", type="http", auth="public", methods=["POST"], sitemap=False)
    def booking_book(self, company_id=None, service_ids=None, master_id=None, start=None, **post):
        """Book: validate, rate-limit, re-check the time in this transaction, create the visit."""
        company, companies, services, master, start_dt = self._chosen_time(
            company_id, service_ids, master_id, start
        )
        values = self._values(
            company, companies, services, master, start=start_dt, start_param=start, form=post
        )
        if post.get("website"):  # the honeypot: people do not see this field, robots fill it
            raise BadRequest(request.env._("Your request could not be processed."))
        form, errors = self._validate_contact(company, post)
        attempt_model = request.env["beauty.booking.attempt"].sudo()  # sudo: the limiter's own log
        if attempt_model._is_limited(request.httprequest.remote_addr, form.get("phone")):
            return request.render(
                "beauty_salon.online_booking_confirm",
                dict(
                    values,
                    errors={"limit": request.env._("Too many attempts. Please try again later or call us.")},
                ),
                status=429,
            )
        if errors:
            return request.render(
                "beauty_salon.online_booking_confirm", dict(values, errors=errors), status=400
            )
        option = next(
            (o for o in self._slots(company, services, master, start_dt, start_dt + timedelta(seconds=1), 1)),
            None,
        )
        visit = option and self._book(company, option, form)
        if not visit:
            next_options = self._slots(
                company, services, master, start_dt, start_dt + timedelta(days=7), NEXT_OPTIONS
            )
            return request.render(
                "beauty_salon.online_booking_confirm",
                dict(
                    values,
                    errors={"taken": request.env._("Sorry, this time has just been taken.")},
                    next_options=next_options,
                ),
                status=409,
            )
        token = visit.partner_id._salon_ensure_access_token()
        return request.render("beauty_salon.online_booking_done", dict(values, visit=visit, my_token=token))

    @http.route("/salon/booking/request", type="http", auth="public", methods=["POST"], sitemap=False)
    def booking_request(self, company_id=None, service_ids=None, day=None, **post):
        """No suitable time: leave a request; it becomes a lead in the salon funnel for a call back."""
        company, companies = self._company(company_id)
        if not company:
            raise NotFound()
        services = self._services(company, service_ids)
        chosen_day = self._day(company, day)
        values = self._values(company, companies, services, None, day=chosen_day, options=[], form=post)
        if post.get("website"):
            raise BadRequest(request.env._("Your request could not be processed."))
        form, errors = self._validate_contact(company, post)
        if (
            request.env["beauty.booking.attempt"]
            .sudo()
            ._is_limited(request.httprequest.remote_addr, form.get("phone"))
        ):
            errors["limit"] = request.env._("Too many attempts. Please try again later or call us.")
        if errors:
            return request.render("beauty_salon.online_booking_page", dict(values, errors=errors), status=400)
        # sudo: a public request creates a lead in the salon funnel from validated input only.
        env = request.env(su=True)
        partner = env["res.partner"]._salon_find_client(form["phone"], form["email"])
        lead = env["crm.lead"].create(
            {
                "name": env._("Online request: %(name)s", name=form["name"]),
                "contact_name": form["name"],
                "phone": form["phone"],
                "email_from": form["email"] or False,
                "partner_id": partner.id,
                "team_id": env.ref("beauty_salon.crm_team_salon_clients").id,
                "stage_id": env.ref("beauty_salon.crm_stage_salon_new").id,
                "type": "opportunity",
                "company_id": company.id,
                "salon_service_ids": [fields.Command.set(services.ids)],
                "salon_wanted_date": self._day_bounds(company, chosen_day)[0],
                "tag_ids": [fields.Command.link(env.ref("beauty_salon.crm_tag_salon_online").id)],
            }
        )
        if partner:
            partner.salon_consent_ids = [
                fields.Command.create(
                    {"purpose": "personal_data", "channel": "online", "source": "online request"}
                )
            ]
        return request.render("beauty_salon.online_booking_request_done", dict(values, lead=lead))

    def _validate_contact(self, company, post):
        env = request.env
        errors, form = {}, {}
        name = (post.get("name") or "").strip()
        if not NAME_RE.match(name):
            errors["name"] = env._("Please enter your name.")
        form["name"] = name
        phone = (
            env["res.partner"]
            .sudo()
            ._salon_normalize_phone((post.get("phone") or "")[:40], company.country_id)
        )
        if not phone:
            errors["phone"] = env._("Please enter a valid phone number, e.g. +7 916 123-45-67.")
        form["phone"] = phone
        email = (post.get("email") or "").strip()[:120]
        form["email"] = env["res.partner"].sudo()._salon_clean_email(email) or ""
        if email and not form["email"]:
            errors["email"] = env._("Please enter a valid e-mail address or leave it empty.")
        if post.get("consent") != "on":
            errors["consent"] = env._("Please agree to the processing of your personal data.")
        return form, errors

    def _book(self, company, option, form):
        """Create the client (or find her by phone/e-mail) and the visit; None when the time was taken."""
        # sudo: the public user books through validated input only; the database constraints still decide.
        env = request.env(su=True)
        Partner = env["res.partner"]
        try:
            # A time taken meanwhile is an expected answer (409): the busy slots' guarded insert keeps it
            # out of the server log.
            with env.cr.savepoint():
                partner = Partner._salon_find_client(form["phone"], form["email"])
                if not partner:
                    partner = Partner.create(
                        {
                            "name": form["name"],
                            "phone": form["phone"],
                            "email": form["email"] or False,
                            "is_salon_client": True,
                        }
                    )
                env["beauty.consent"].create(
                    {
                        "partner_id": partner.id,
                        "purpose": "personal_data",
                        "channel": "online",
                        "source": "online booking page",
                    }
                )
                state = "confirmed" if company.salon_online_confirm == "auto" else "draft"
                return env["beauty.visit"].create(
                    env["beauty.visit"]._prepare_from_option(
                        partner, option, company_id=company.id, source="online", state=state
                    )
                )
        except ValidationError:
            return None
