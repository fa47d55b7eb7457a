# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import random
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, models

# Days of the confirmed demo payroll period, relative to today (salon time): the seven days up to today,
# when the demo's visits are paid (the core's demo and the loyalty demo check them out at install).
DEMO_PERIOD = (-6, 0)


class BeautyPayrollDemo(models.AbstractModel):
    """Builds the demo payroll through the real business methods: paid checkouts of the done visits no
    other demo has checked out, attendance up to yesterday, a bonus, a fine and a paid advance, then a
    confirmed payroll period of the last seven days."""

    _name = "beauty.payroll.demo"
    _description = "Salon Payroll Demo Data"

    @api.model
    def _build_demo_payroll(self):
        # Names and labels stored by the computation are in the administrator's language.
        lang = self.env.ref("base.user_admin").lang or "en_US"
        env = self.with_context(
            lang=lang, tracking_disable=True, mail_notrack=True, mail_create_nolog=True
        ).env
        company = env.ref("base.main_company")
        chart = env["account.chart.template"].with_company(company)
        company.write(
            {
                "salon_payroll_salary_account_id": chart.ref("expense_salary", raise_if_not_found=False).id,
                "salon_payroll_payable_account_id": chart.ref("salary_payable", raise_if_not_found=False).id,
            }
        )
        tz = pytz.timezone(env.ref("beauty_salon.resource_calendar_salon_52").tz or "Europe/Moscow")
        today = datetime.now(tz).date()
        first, last = (today + timedelta(days=offset) for offset in DEMO_PERIOD)
        cash = env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", company.id)], limit=1
        )
        masters = env["hr.employee"].search([("is_salon_master", "=", True), ("company_id", "=", company.id)])
        self._demo_checkouts(env, tz, cash, first)
        self._demo_attendance(env, tz, masters, first, last - timedelta(days=1))
        self._demo_adjustments(env, cash, first)
        batch = env["beauty.payroll.batch"].create(
            {"company_id": company.id, "period_type": "weekly", "date_from": first, "date_to": last}
        )
        batch.action_generate_sheets()
        batch.action_confirm()
        return True

    @api.model
    def _demo_checkouts(self, env, tz, cash, first):
        """Invoice and pay every done demo visit on its own day; Anna sells a shampoo now and then."""
        shampoo = env.ref("beauty_salon_payroll.product_demo_shampoo")
        anna = env.ref("beauty_salon.beauty_master_anna")
        visits = env["beauty.visit"].search(
            [("state", "=", "done"), ("sale_order_id", "=", False)], order="date_start"
        )
        for index, visit in enumerate(visits):
            day = pytz.utc.localize(visit.date_start).astimezone(tz).date()
            order = visit._create_sale_order()
            if anna in visit.line_ids.master_id and index % 3 == 0:
                order.order_line = [
                    Command.create(
                        {"product_id": shampoo.id, "product_uom_qty": 1, "salon_master_id": anna.id}
                    )
                ]
            # The demo salon is on the simplified tax system (no VAT); the generic chart's sales tax belongs
            # to another fiscal country and could not be invoiced here.
            order.order_line.tax_id = [Command.clear()]
            order.action_confirm()
            invoice = order._create_invoices()
            invoice.invoice_date = day
            invoice.action_post()
            env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"journal_id": cash.id, "payment_date": day})._create_payments()

    @api.model
    def _demo_attendance(self, env, tz, masters, first, last):
        """Check-ins by badge on the scheduled days: mostly on time, some late, one check-out forgotten."""
        rng = random.Random(7)
        vals_list = []
        day = first
        while day <= last:
            start = tz.localize(datetime.combine(day, time.min))
            for master in masters:
                intervals = master.resource_calendar_id._work_intervals_batch(
                    start, start + timedelta(days=1), resources=master.resource_id, tz=tz
                )[master.resource_id.id]
                if not intervals:
                    continue
                begin = min(interval[0] for interval in intervals)
                end = max(interval[1] for interval in intervals)
                check_in = begin + timedelta(minutes=rng.choice((-10, -5, 0, 0, 5, 25)))
                check_out = end + timedelta(minutes=rng.choice((-15, 0, 0, 10, 30)))
                forgotten = day == last and master == masters[0]
                vals_list.append(
                    {
                        "employee_id": master.id,
                        "check_in": check_in.astimezone(pytz.utc).replace(tzinfo=None),
                        "check_out": False
                        if forgotten
                        else check_out.astimezone(pytz.utc).replace(tzinfo=None),
                    }
                )
            day += timedelta(days=1)
        env["hr.attendance"].create(vals_list)

    @api.model
    def _demo_adjustments(self, env, cash, first):
        ref = env.ref
        Adjustment = env["beauty.payroll.adjustment"]
        Adjustment.create(
            [
                {
                    "employee_id": ref("beauty_salon.beauty_master_olga").id,
                    "date": first + timedelta(days=5),
                    "kind": "bonus",
                    "amount": 1000,
                    "reason": "Лучшие отзывы клиентов за неделю",
                },
                {
                    "employee_id": ref("beauty_salon.beauty_master_dmitry").id,
                    "date": first + timedelta(days=2),
                    "kind": "fine",
                    "amount": 500,
                    "reason": "Опоздание на 40 минут без предупреждения",
                },
            ]
        )
        advance = Adjustment.create(
            {
                "employee_id": ref("beauty_salon.beauty_master_anna").id,
                "date": first + timedelta(days=2),
                "kind": "advance",
                "amount": 3000,
                "reason": "Аванс по заявлению",
            }
        )
        env["beauty.payroll.pay"].create(
            {"journal_id": cash.id, "date": advance.date, "adjustment_ids": [Command.set(advance.ids)]}
        ).action_pay()
