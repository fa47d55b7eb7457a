# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models

# Clients of the core demo (beauty_salon.res_partner_salon_client_NN) given a cumulative card.
CARD_CLIENTS = range(1, 31)
# Clients with a balance carried over from the salon's previous system: (client, points, days ago).
CARRIED_POINTS = [(2, 1800, 40), (4, 900, 175), (6, 2500, 200), (8, 1200, 20), (10, 600, 168)]
STAFF_CLIENTS = (31, 32)
# Visits the loyalty demo serves before the core's demo week: (client, services, days ago, pays with the
# gift certificate). The staff card, bonus points, the nails promotion, the manicure pack, a certificate.
DEMO_VISITS = [
    (31, ("haircut_women",), 6, False),
    (2, ("massage_back",), 6, False),
    (20, ("manicure",), 5, False),
    (18, ("manicure_gel",), 5, False),
    (9, ("pedicure",), 4, True),
]


class BeautyLoyaltyDemo(models.AbstractModel):
    """Builds the loyalty demo through the real business paths, on top of the core's demo week: a program
    of each kind, cards, certificates, visit packs, and the demo's done visits checked out with them."""

    _name = "beauty.loyalty.demo"
    _description = "Salon Loyalty Demo Data"

    @api.model
    def _build_demo(self):
        env = self.with_context(mail_notrack=True, mail_create_nolog=True, lang="ru_RU").env
        company = env.ref("base.main_company")
        today = fields.Date.context_today(self)
        self._demo_accounting(env, company)
        service = self._demo_services(env)
        clients = {n: env.ref(f"beauty_salon.res_partner_salon_client_{n:02d}") for n in range(1, 61)}
        programs = self._demo_programs(env, service, today)
        Card = env["loyalty.card"]
        Card.create(
            [{"program_id": programs["card"].id, "partner_id": clients[n].id} for n in CARD_CLIENTS]
            + [{"program_id": programs["staff"].id, "partner_id": clients[n].id} for n in STAFF_CLIENTS]
        )
        points_cards = Card.create(
            [
                {"program_id": programs["points"].id, "partner_id": clients[n].id}
                for n, _p, _d in CARRIED_POINTS
            ]
        )
        points_cards._salon_post_ledger(
            [
                {
                    "card_id": card.id,
                    "description": "Перенос баланса из прежней программы",
                    "issued": points,
                    "salon_kind": "adjustment",
                    "salon_date": today - timedelta(days=days),
                }
                for card, (_n, points, days) in zip(points_cards, CARRIED_POINTS, strict=True)
            ]
        )
        clients[12].birthdate_date = today.replace(year=1990) if (today.month, today.day) != (2, 29) else None
        clients[14].birthdate_date = (today + timedelta(days=5)).replace(year=1988)

        cash = env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", company.id)], limit=1
        )
        products = programs["products"]
        # Desk sales: certificates (one bought by a company, not paid yet) and visit packs.
        certificate = self._demo_sell(env, clients[5], products["certificate_5000"], cash)
        self._demo_sell(env, clients[9], products["certificate_3000"], cash)
        corporate = env["res.partner"].create(
            {"name": "ООО «Ромашка»", "is_company": True, "city": "Москва", "phone": "+7 495 765-43-21"}
        )
        self._demo_sell(env, corporate, products["certificate_5000"], cash, quantity=3, pay=False)
        frozen_pack_order = self._demo_sell(env, clients[16], products["pack_massage"], cash)
        self._demo_sell(env, clients[18], products["pack_manicure"], cash)
        frozen = env["beauty.visit.pack"].search([("sale_line_id", "in", frozen_pack_order.order_line.ids)])
        env["beauty.visit.pack.change"].create(
            {
                "pack_id": frozen.id,
                "kind": "freeze",
                "date_from": today,
                "date_to": today + timedelta(days=13),
                "reason": "Отпуск клиента",
            }
        )

        # The core's demo week is paid already: the loyalty demo serves clients of its own on the days
        # before it and checks them out with what each program gives, once points carried over from
        # long ago have expired. Done visits nobody has checked out yet are checked out too.
        env["loyalty.card"]._salon_cron_expire()
        gift_code = (
            env["loyalty.card"]
            .search([("order_id", "=", certificate.id), ("program_id", "=", programs["gift"].id)])
            .code
        )
        codes = {}
        for client, service_codes, days_ago, code in DEMO_VISITS:
            visit = self._demo_serve(env, clients[client], [service[c] for c in service_codes], days_ago)
            if visit and code:
                codes[visit] = gift_code
        visits = env["beauty.visit"].search(
            [("state", "=", "done"), ("sale_order_id", "=", False)], order="date_start, id"
        )
        for visit in visits:
            points_card = points_cards.filtered(lambda c, visit=visit: c.partner_id == visit.partner_id)
            wizard = env["beauty.visit.checkout"].create(
                {
                    "visit_id": visit.id,
                    "journal_id": cash.id,
                    "salon_points_to_use": min(points_card.points, 300.0) if points_card else 0.0,
                    "salon_code": codes.get(visit, False),
                }
            )
            wizard.action_confirm()
        env["loyalty.card"]._salon_cron_notify()
        return True

    @api.model
    def _demo_serve(self, env, client, services, days_ago):
        """A visit of ``client`` at the first free time ``days_ago`` days ago, served (done); or None."""
        tz = pytz.timezone(env.ref("beauty_salon.resource_calendar_salon_52").tz or "Europe/Moscow")
        day = fields.Date.context_today(self) - timedelta(days=days_ago)
        start = tz.localize(datetime.combine(day, time(10))).astimezone(pytz.utc).replace(tzinfo=None)
        options = env["beauty.availability"].find_slots(
            env["product.product"].concat(*services), start, start + timedelta(hours=9), limit=1
        )
        if not options:
            return None
        Visit = env["beauty.visit"]
        visit = Visit.create(Visit._prepare_from_option(client, options[0], source="walk_in"))
        visit.action_confirm()
        visit.action_arrive()
        visit.action_start()
        visit.action_done()
        return visit

    @api.model
    def _demo_accounting(self, env, company):
        """Liability accounts for certificates and deferred pack revenue, and the income of what expires."""
        Account = env["account.account"]
        accounts = Account.create(
            [
                {
                    "name": "Подарочные сертификаты выданные",
                    "code": "212100",
                    "account_type": "liability_current",
                },
                {
                    "name": "Абонементы: доходы будущих периодов",
                    "code": "212200",
                    "account_type": "liability_current",
                },
                {
                    "name": "Прочие доходы: сгоревшие сертификаты и абонементы",
                    "code": "450100",
                    "account_type": "income_other",
                },
            ]
        )
        company.write(
            {
                "salon_gift_card_account_id": accounts[0].id,
                "salon_pack_revenue": "usage",
                "salon_pack_deferred_account_id": accounts[1].id,
                "salon_loyalty_income_account_id": accounts[2].id,
            }
        )

    @api.model
    def _demo_services(self, env):
        codes = ("manicure", "manicure_gel", "pedicure", "massage_back", "massage_classic", "haircut_women")
        return {code: env.ref(f"beauty_salon.beauty_service_{code}").product_variant_id for code in codes}

    @api.model
    def _demo_programs(self, env, service, today):
        Product = env["product.product"]
        products = {
            "certificate_3000": Product.create(
                {
                    "name": "Подарочный сертификат на 3 000 ₽",
                    "type": "service",
                    "list_price": 3000,
                    "taxes_id": False,
                }
            ),
            "certificate_5000": Product.create(
                {
                    "name": "Подарочный сертификат на 5 000 ₽",
                    "type": "service",
                    "list_price": 5000,
                    "taxes_id": False,
                }
            ),
            "pack_massage": Product.create(
                {
                    "name": "Абонемент: 10 массажей",
                    "type": "service",
                    "list_price": 22500,
                    "taxes_id": False,
                    "salon_pack_ok": True,
                    "salon_pack_session_count": 10,
                    "salon_pack_service_ids": [
                        Command.set((service["massage_back"] | service["massage_classic"]).ids)
                    ],
                    "salon_pack_validity_days": 120,
                    "salon_pack_max_freeze_days": 28,
                }
            ),
            "pack_manicure": Product.create(
                {
                    "name": "Абонемент: 5 маникюров с покрытием",
                    "type": "service",
                    "list_price": 9000,
                    "taxes_id": False,
                    "salon_pack_ok": True,
                    "salon_pack_session_count": 5,
                    "salon_pack_service_ids": [Command.set(service["manicure_gel"].ids)],
                    "salon_pack_validity_days": 90,
                }
            ),
        }
        Program = env["loyalty.program"]

        def percent(value, min_spent=0.0):
            return Command.create(Program._salon_percent_reward(value, min_spent))

        card = Program.create(
            {
                "name": "Накопительная дисконтная карта",
                "salon_kind": "discount_card",
                "salon_card_mode": "cumulative",
                "salon_services_only": True,
                "reward_ids": [
                    percent(5, 20000),
                    percent(7, 50000),
                    percent(10, 100000),
                ],
            }
        )
        staff = Program.create(
            {
                "name": "Карта сотрудников и друзей салона 10%",
                "salon_kind": "discount_card",
                "salon_card_mode": "personal",
                "reward_ids": [percent(10)],
            }
        )
        points = Program.create(
            {
                "name": "Бонусные баллы",
                "salon_kind": "points",
                "portal_point_name": "баллов",
                "salon_validity_days": 180,
                "salon_points_max_share": 30,
                "salon_birthday_points": 500,
                "salon_reminder_days": 14,
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "money",
                            "reward_point_amount": 0.05,
                            "minimum_qty": 0,
                            "product_domain": "[('is_salon_service', '=', True)]",
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(Program._salon_per_point_reward(description="Оплата бонусными баллами"))
                ],
            }
        )
        gift = Program.create(
            {
                "name": "Подарочные сертификаты салона",
                "program_type": "gift_card",
                "applies_on": "future",
                "trigger": "auto",
                "salon_validity_days": 100,
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "money",
                            "reward_point_amount": 1,
                            "reward_point_split": True,
                            "minimum_qty": 0,
                            "product_ids": [
                                Command.set((products["certificate_3000"] | products["certificate_5000"]).ids)
                            ],
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        Program._salon_per_point_reward(description="Оплата подарочным сертификатом")
                    )
                ],
            }
        )
        manicures = service["manicure"] | service["manicure_gel"] | service["pedicure"]
        Program.create(
            {
                "name": "Весенние ногти: −15% на маникюр и педикюр",
                "program_type": "promotion",
                "trigger": "auto",
                "applies_on": "current",
                "date_from": today - timedelta(days=10),
                "date_to": today + timedelta(days=20),
                "limit_usage": True,
                "max_usage": 200,
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "order",
                            "minimum_qty": 1,
                            "product_ids": [Command.set(manicures.ids)],
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        Program._salon_percent_reward(
                            15,
                            discount_applicability="specific",
                            discount_product_ids=[Command.set(manicures.ids)],
                        )
                    )
                ],
            }
        )
        Program.create(
            {
                "name": "Промокод ПЕРВЫЙВИЗИТ: −500 ₽",
                "program_type": "promo_code",
                "trigger": "with_code",
                "applies_on": "current",
                "rule_ids": [
                    Command.create(
                        {"mode": "with_code", "code": "ПЕРВЫЙВИЗИТ", "minimum_amount": 2000, "minimum_qty": 0}
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_order",
                            "discount": 500,
                            "discount_applicability": "order",
                            "required_points": 1,
                        }
                    )
                ],
            }
        )
        return {"card": card, "staff": staff, "points": points, "gift": gift, "products": products}

    @api.model
    def _demo_sell(self, env, partner, product, cash, quantity=1, pay=True):
        """A desk sale: confirmed, invoiced and (unless told otherwise) paid in cash."""
        order = env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [Command.create({"product_id": product.id, "product_uom_qty": quantity})],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        if pay:
            env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"journal_id": cash.id})._create_payments()
        return order
