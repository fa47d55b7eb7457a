# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import re
from datetime import datetime
from urllib.parse import urlencode

import pytz

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

MOSCOW = pytz.timezone("Europe/Moscow")
# The CSRF token of a page: a form's hidden field, or the one Odoo's page script carries.
CSRF_RE = re.compile(r'csrf_token(?:" value=|: )"([^"]+)"')


def moscow(text):
    """'2030-03-04 10:00' in Moscow time as the naive UTC datetime Odoo stores."""
    return (
        MOSCOW.localize(datetime.strptime(text, "%Y-%m-%d %H:%M")).astimezone(pytz.utc).replace(tzinfo=None)
    )


class SalonFixtures:
    """Builds a small salon: a schedule with a lunch break, three masters, rooms, a device, services.

    Monday 2030-03-04 is the reference day; every master works 09:00-13:00 and 14:00-20:00 Moscow time,
    seven days a week.
    """

    @classmethod
    def build_salon(cls, env):
        cls.company = env.company
        cls.calendar = env["resource.calendar"].create(
            {
                "name": "Salon 09-20",
                "tz": "Europe/Moscow",
                "company_id": cls.company.id,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": a,
                            "hour_to": b,
                            "day_period": period,
                        }
                    )
                    for day in range(7)
                    for a, b, period in ((9, 13, "morning"), (14, 20, "afternoon"))
                ],
            }
        )
        Employee = env["hr.employee"]
        cls.master_anna, cls.master_olga, cls.master_irina = Employee.create(
            [
                {
                    "name": name,
                    "is_salon_master": True,
                    "resource_calendar_id": cls.calendar.id,
                    "company_id": cls.company.id,
                }
                for name in ("Anna Master", "Olga Master", "Irina Master")
            ]
        )
        Category = env["beauty.resource.category"]
        cls.cat_room = Category.create({"name": "Massage room"})
        cls.cat_laser = Category.create({"name": "Laser"})
        Resource = env["resource.resource"]
        cls.room_1, cls.room_2 = Resource.create(
            [
                {
                    "name": name,
                    "resource_type": "material",
                    "salon_category_id": cls.cat_room.id,
                    "calendar_id": False,
                }
                for name in ("Room 1", "Room 2")
            ]
        )
        cls.laser = Resource.create(
            {
                "name": "Laser 1",
                "resource_type": "material",
                "salon_category_id": cls.cat_laser.id,
                "calendar_id": False,
            }
        )
        all_masters = cls.master_anna | cls.master_olga | cls.master_irina
        Product = env["product.product"]

        def service(name, duration, price, masters=all_masters, **extra):
            return Product.create(
                dict(
                    {
                        "name": name,
                        "type": "service",
                        "is_salon_service": True,
                        "salon_duration": duration,
                        "list_price": price,
                        "salon_master_ids": [Command.set(masters.ids)],
                    },
                    **extra,
                )
            )

        cls.haircut = service("Haircut", 1.0, 2500.0, salon_buffer_after=0.25)
        cls.manicure = service("Manicure", 1.0, 2000.0)
        cls.colour = service(
            "Colouring",
            2.0,
            6500.0,
            cls.master_anna,
            salon_processing_start=0.5,
            salon_processing_duration=1.0,
        )
        cls.massage = service(
            "Massage",
            1.0,
            3500.0,
            cls.master_olga | cls.master_irina,
            salon_resource_category_ids=[Command.set(cls.cat_room.ids)],
        )
        cls.body_wrap = service(
            "Body wrap",
            1.5,
            4000.0,
            cls.master_olga,
            salon_resource_category_ids=[Command.set(cls.cat_room.ids)],
            salon_processing_start=0.25,
            salon_processing_duration=1.0,
        )
        cls.laser_hair = service(
            "Laser hair removal",
            0.5,
            3000.0,
            cls.master_irina,
            salon_resource_category_ids=[Command.set(cls.cat_laser.ids)],
        )
        cls.client = env["res.partner"].create({"name": "Client Ivanova", "phone": "+7 916 123-45-67"})
        cls.client_2 = env["res.partner"].create({"name": "Client Petrova", "phone": "+7 926 765-43-21"})


class BeautySalonCase(TransactionCase, SalonFixtures):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.build_salon(cls.env)
        cls.Visit = cls.env["beauty.visit"]
        cls.Availability = cls.env["beauty.availability"]

    def book(self, service, master, start, partner=None, **visit_vals):
        """Book one service; ``start`` is Moscow time text."""
        return self.Visit.create(
            dict(
                {
                    "partner_id": (partner or self.client).id,
                    "line_ids": [
                        Command.create(
                            {"service_id": service.id, "master_id": master.id, "date_start": moscow(start)}
                        )
                    ],
                },
                **visit_vals,
            )
        )

    @classmethod
    def make_user(cls, login, group, employee=None):
        user = new_test_user(cls.env, login=login, groups=f"base.group_user,beauty_salon.{group}")
        if employee:
            employee.user_id = user
        return user


class PublicPagesMixin:
    """For HttpCase tests that use the public pages the way a client's browser does."""

    @classmethod
    def read_pages_in_english(cls):
        """Tests that read the pages' text ask for English, which a database created in Russian (as
        `make demo` does) has not even activated: its pages speak Russian."""
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env.ref("base.public_user").lang = "en_US"

    def csrf(self, url):
        """The CSRF token of the page at ``url`` (which must answer 200)."""
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, response.text[:500])
        return CSRF_RE.search(response.text).group(1)

    def book_online(self, company, services, start, master=None, **contact):
        """Fill in and send the online booking form for ``start`` (naive UTC); returns the response.

        ``contact`` holds the form fields (name, phone, email...); consent is given unless ``consent=None``.
        """
        query = {
            "company_id": company.id,
            "service_ids": ",".join(str(service_id) for service_id in services.ids),
            "start": start.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        if master:
            query["master_id"] = master.id
        data = dict(query, csrf_token=self.csrf(f"/salon/booking/confirm?{urlencode(query)}"), consent="on")
        data.update(contact)
        return self.url_open("/salon/booking/book", data={k: v for k, v in data.items() if v is not None})
