# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, float_compare

from .loyalty_history import LOYALTY_FLOW, replay_fifo

ADJUST_GROUPS = ("beauty_salon.beauty_salon_group_manager", "sales_team.group_sale_manager")


class LoyaltyCard(models.Model):
    """Salon behaviour of Odoo's cards: discount-card tiers, expiring points, certificates paid before use.

    A card's balance always equals the sum of its ledger (``loyalty.history``): any change of ``points``
    that did not come with its ledger line gets one.
    """

    _inherit = "loyalty.card"

    salon_kind = fields.Selection(related="program_id.salon_kind")
    salon_total_spent = fields.Monetary(
        string="Total Spent",
        currency_field="currency_id",
        readonly=True,
        help="Discount cards: what the client has paid for visits and purchases, net of refunds.",
    )
    salon_reward_id = fields.Many2one(
        "loyalty.reward", string="Discount Tier", readonly=True, tracking=True, index="btree_not_null"
    )
    salon_discount = fields.Float(related="salon_reward_id.discount", string="Discount (%)")
    salon_next_reward_id = fields.Many2one(
        "loyalty.reward", string="Next Tier", compute="_compute_salon_next_reward"
    )
    salon_to_next_reward = fields.Monetary(
        string="Left to Next Tier", currency_field="currency_id", compute="_compute_salon_next_reward"
    )
    salon_paid_date = fields.Date(
        string="Paid On",
        readonly=True,
        copy=False,
        help="Gift certificates: the day the buyer's payment activated the certificate.",
    )
    salon_expiring_points = fields.Float(string="Points Expiring Next", compute="_compute_salon_expiring")
    salon_expiring_date = fields.Date(string="Next Expiry", compute="_compute_salon_expiring")

    @api.depends(
        "salon_total_spent",
        "program_id.salon_kind",
        "program_id.salon_card_mode",
        "program_id.reward_ids.salon_min_spent",
    )
    def _compute_salon_next_reward(self):
        for card in self:
            program = card.program_id
            higher = program.reward_ids.filtered(
                lambda r, card=card: r.salon_min_spent > card.salon_total_spent
            )
            next_reward = (
                higher.sorted("salon_min_spent")[:1]
                if program.salon_kind == "discount_card" and program.salon_card_mode == "cumulative"
                else self.env["loyalty.reward"]
            )
            card.salon_next_reward_id = next_reward
            card.salon_to_next_reward = (
                next_reward.salon_min_spent - card.salon_total_spent if next_reward else 0.0
            )

    @api.depends_context("salon_expiring_until")
    def _compute_salon_expiring(self):
        """The soonest expiry date of the points still held, and how many points expire then (or, for a
        reminder, by the day in context ``salon_expiring_until``)."""
        today = fields.Date.context_today(self)
        until = self.env.context.get("salon_expiring_until")
        # sudo: the ledger is read for the card the user already sees.
        groups = (
            self.env["loyalty.history"]
            .sudo()
            ._read_group(
                [
                    ("card_id", "in", self.ids),
                    ("salon_remaining_points", ">", 0),
                    ("salon_expiration_date", ">=", today),
                    *([("salon_expiration_date", "<=", until)] if until else []),
                ],
                ["card_id", "salon_expiration_date:day"],
                ["salon_remaining_points:sum"],
                order="salon_expiration_date:day asc",
            )
        )
        expiring = {}
        for card, expires_on, points in groups:  # soonest first
            first, total = expiring.get(card, (expires_on, 0.0))
            if until or expires_on == first:
                total += points
            expiring[card] = (first, total)
        for card in self:
            card.salon_expiring_date, card.salon_expiring_points = expiring.get(card, (False, 0.0))

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        cards = super().create(vals_list)
        cards._salon_sync_ledger(self.env._("Initial balance"))
        cards.filtered(lambda c: c.program_id.salon_kind == "discount_card")._salon_refresh_tiers()
        return cards

    def write(self, vals):
        if "points" in vals:
            self._salon_check_points_write()
        result = super().write(vals)
        if "points" in vals:
            self._salon_sync_ledger(self.env._("Balance changed"))
        return result

    def _send_creation_communication(self, force_send=False):
        # A certificate waiting for its payment stays silent: its code is sent once it is paid.
        return super(LoyaltyCard, self.filtered("active"))._send_creation_communication(force_send=force_send)

    # ------------------------------------------------------------------ access
    @api.model
    def _salon_check_adjust_access(self):
        """Manual balance changes are for managers: a master or a receptionist cannot adjust a balance."""
        if not any(self.env.user.has_group(group) for group in ADJUST_GROUPS):
            raise AccessError(self.env._("Only a salon manager can adjust a loyalty balance."))

    def _salon_check_points_write(self):
        if not self.env.su and not self.env.context.get(LOYALTY_FLOW):
            self._salon_check_adjust_access()

    def action_loyalty_update_balance(self):
        self._salon_check_adjust_access()
        return super().action_loyalty_update_balance()

    # ------------------------------------------------------------------ ledger
    def _salon_sync_ledger(self, description):
        """Post the difference between each balance and the sum of its ledger, so that they stay equal."""
        History = self.env["loyalty.history"].sudo()
        sums = {
            card: issued - used
            for card, issued, used in History._read_group(
                [("card_id", "in", self.ids)], ["card_id"], ["issued:sum", "used:sum"]
            )
        }
        order_id = self.env.context.get("salon_points_order_id")
        vals_list = []
        for card in self:
            difference = card.points - sums.get(card, 0.0)
            if float_compare(difference, 0.0, precision_digits=2) == 0:
                continue
            vals_list.append(
                {
                    "card_id": card.id,
                    "description": description,
                    "issued": max(difference, 0.0),
                    "used": max(-difference, 0.0),
                    "salon_kind": "order" if order_id else "adjustment",
                    "order_model": order_id and "sale.order",
                    "order_id": order_id,
                }
            )
        if vals_list:
            # sudo: the line mirrors a balance change that was already allowed.
            History.with_context(**{LOYALTY_FLOW: True}).create(vals_list)

    def _salon_post_ledger(self, vals_list):
        """Post ledger lines (``card_id``, ``issued``, ``used``, ...) and move the balances with them."""
        # sudo: callers are the salon's own flows (activation, expiry, birthday, refunds), checked upstream.
        History = self.env["loyalty.history"].sudo().with_context(**{LOYALTY_FLOW: True})
        lines = History.create(vals_list)
        change = defaultdict(float)
        for line in lines:
            change[line.card_id] += line.issued - line.used
        for card, points in change.items():
            card.sudo().with_context(**{LOYALTY_FLOW: True}).points += points
        return lines

    def _salon_replay_points(self):
        """Recompute what is left of each accrual of these bonus-point cards (oldest points spent first)."""
        cards = self.filtered(lambda c: c.program_id.salon_kind == "points")
        if not cards:
            return
        # sudo: derived bookkeeping of the ledger, whoever changed it.
        History = self.env["loyalty.history"].sudo()
        History.flush_model()
        lines = History.search([("card_id", "in", cards.ids)], order="card_id, salon_date, id")
        updates = defaultdict(list)
        for card_lines in lines.grouped("card_id").values():
            remaining, _taken = replay_fifo(card_lines)
            for line in card_lines:
                value = remaining.get(line.id, 0.0)
                if float_compare(line.salon_remaining_points, value, precision_digits=2):
                    updates[value].append(line.id)
        for value, ids in updates.items():
            History.browse(ids).write({"salon_remaining_points": value})

    def _salon_points_taken_by(self, lines):
        """``{line: [(accrual, points)]}``: the accruals each of ``lines`` (of this card) spent."""
        self.ensure_one()
        History = self.env["loyalty.history"].sudo()
        ledger = History.search([("card_id", "=", self.id)], order="salon_date, id")
        _remaining, taken = replay_fifo(ledger)
        return {
            line: [(History.browse(batch), points) for batch, points in taken.get(line.id, [])]
            for line in lines
        }

    # ------------------------------------------------------------------ discount cards
    @api.model
    def _salon_total_spent(self, partners):
        """``{commercial partner: amount}`` paid on customer invoices, net of refunds, in every branch."""
        # sudo: the total spent counts the invoices of every branch of the chain.
        groups = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("paid", "in_payment", "reversed")),
                    ("commercial_partner_id", "in", partners.ids),
                ],
                ["commercial_partner_id"],
                ["amount_total_signed:sum"],
            )
        )
        return dict(groups)

    def _salon_refresh_tiers(self):
        """Move discount cards to the tier of their client's total spent (or to their fixed reward)."""
        cards = self.filtered(lambda c: c.program_id.salon_kind == "discount_card")
        totals = self._salon_total_spent(cards.partner_id.commercial_partner_id)
        for card in cards:
            total = totals.get(card.partner_id.commercial_partner_id, 0.0) if card.partner_id else 0.0
            reward = card.program_id._salon_tier_for(total)
            vals = {}
            if card.currency_id.compare_amounts(card.salon_total_spent, total):
                vals["salon_total_spent"] = total
            if reward != card.salon_reward_id:
                vals["salon_reward_id"] = reward.id
            if vals:
                card.write(vals)

    @api.model
    def _salon_refresh_partner_tiers(self, partners):
        """Refresh the discount cards of these clients (called when one of their invoices is paid)."""
        if partners:
            cards = self.search(
                [
                    ("program_id.salon_kind", "=", "discount_card"),
                    ("partner_id", "in", (partners | partners.commercial_partner_id).ids),
                ]
            )
            cards._salon_refresh_tiers()

    # ------------------------------------------------------------------ gift certificates
    def _salon_activate(self):
        """A certificate is paid: it becomes usable, its validity starts and its code is sent."""
        today = fields.Date.context_today(self)
        for card in self:
            validity = card.program_id.salon_validity_days
            card.write(
                {
                    "active": True,
                    "salon_paid_date": today,
                    "expiration_date": card.expiration_date
                    or (today + timedelta(days=validity) if validity else False),
                }
            )
        self._send_creation_communication(force_send=True)

    # ------------------------------------------------------------------ scheduled actions
    @api.model
    def _salon_cron_expire(self):
        """Daily: expire bonus points, gift certificates and visit packs whose last day has passed."""
        today = fields.Date.context_today(self)
        self._salon_expire_points(today)
        self._salon_expire_gift_cards(today)
        self.env["beauty.visit.pack"]._salon_expire(today)

    @api.model
    def _salon_cron_notify(self):
        """Daily: birthday bonuses, then reminders of points that expire soon."""
        today = fields.Date.context_today(self)
        self._salon_give_birthday_points(today)
        self._salon_send_expiry_reminders(today)

    @api.model
    def _salon_expire_points(self, today, cards=None):
        """Expire every accrual whose last day is before ``today``: one ledger line per accrual, balances
        lowered by as much. Idempotent: an expired accrual has nothing left, so running again finds nothing
        (and a second run waiting on the first's row locks re-reads what is left).

        Set-based SQL, as it runs over every card of the salon. Returns the number of accruals expired.
        """
        History = self.env["loyalty.history"]
        History.flush_model()
        self.flush_model(["points"])
        only_cards = SQL("AND h.card_id IN %s", tuple(cards.ids)) if cards else SQL()
        expired = self.env.execute_query(
            SQL(
                """
                WITH due AS (
                    SELECT h.id, h.card_id, h.salon_remaining_points AS points
                      FROM loyalty_history h
                      JOIN loyalty_card c ON c.id = h.card_id
                      JOIN loyalty_program p ON p.id = c.program_id
                     WHERE h.salon_remaining_points > 0
                       AND h.salon_expiration_date < %(today)s
                       AND p.salon_kind = 'points'
                       %(only_cards)s
                       FOR UPDATE OF h
                ), expired AS (
                    INSERT INTO loyalty_history (card_id, description, issued, used, salon_kind, salon_date,
                                                 salon_source_id, salon_remaining_points,
                                                 create_uid, create_date, write_uid, write_date)
                    SELECT card_id, %(description)s, 0, points, 'expiry', %(today)s, id, 0,
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM due
                    RETURNING card_id, used
                ), emptied AS (
                    UPDATE loyalty_history h
                       SET salon_remaining_points = 0, write_uid = %(uid)s, write_date = %(now)s
                      FROM due WHERE h.id = due.id
                )
                UPDATE loyalty_card c
                   SET points = c.points - lost.points, write_uid = %(uid)s, write_date = %(now)s
                  FROM (SELECT card_id, SUM(used) AS points, COUNT(*) AS accruals
                          FROM expired GROUP BY card_id) lost
                 WHERE c.id = lost.card_id
             RETURNING lost.accruals
                """,
                today=today,
                only_cards=only_cards,
                description=self.env._("Points expired"),
                uid=self.env.uid,
                now=self.env.cr.now(),
            )
        )
        History.invalidate_model()
        self.invalidate_model(["points"])
        return sum(count for (count,) in expired)

    @api.model
    def _salon_expire_gift_cards(self, today):
        """Certificates past their last day lose what is left; its value is written off to income."""
        cards = self.search(
            [
                ("program_id.program_type", "=", "gift_card"),
                ("expiration_date", "<", today),
                ("points", ">", 0),
            ]
        )
        if not cards:
            return
        amounts = {card: card.points for card in cards}
        cards._salon_post_ledger(
            [
                {
                    "card_id": card.id,
                    "description": self.env._("Certificate expired"),
                    "used": points,
                    "salon_kind": "expiry",
                    "salon_date": today,
                }
                for card, points in amounts.items()
            ]
        )
        for company, company_cards in cards.grouped("company_id").items():
            company = company or self.env.company
            lines = [
                (
                    card.code,
                    company.salon_gift_card_account_id,
                    company.salon_loyalty_income_account_id,
                    amounts[card],
                )
                for card in company_cards
            ]
            self.env["account.move"]._salon_post_transfer(
                company, self.env._("Expired gift certificates"), today, lines
            )

    @api.model
    def _salon_give_birthday_points(self, today):
        """Card holders born today get the program's birthday bonus, once a year."""
        programs = self.env["loyalty.program"].search(
            [("salon_kind", "=", "points"), ("salon_birthday_points", ">", 0)]
        )
        if not programs:
            return
        days = [(today.month, today.day)]
        if (today.month, today.day) == (2, 28) and (today + timedelta(days=1)).day != 29:
            days.append((2, 29))  # born on 29 February: celebrated on the 28th in other years
        self.env["res.partner"].flush_model(["birthdate_date"])
        partner_ids = [
            row[0]
            for row in self.env.execute_query(
                SQL(
                    """SELECT id FROM res_partner
                        WHERE birthdate_date IS NOT NULL
                          AND (EXTRACT(MONTH FROM birthdate_date), EXTRACT(DAY FROM birthdate_date)) IN %s""",
                    tuple(days),
                )
            )
        ]
        cards = self.search([("program_id", "in", programs.ids), ("partner_id", "in", partner_ids)])
        given = {
            card
            for [card] in self.env["loyalty.history"]
            .sudo()
            ._read_group(
                [
                    ("card_id", "in", cards.ids),
                    ("salon_kind", "=", "birthday"),
                    ("salon_date", ">=", today.replace(month=1, day=1)),
                ],
                ["card_id"],
            )
        }
        cards = cards.filtered(lambda c: c not in given)
        cards._salon_post_ledger(
            [
                {
                    "card_id": card.id,
                    "description": self.env._("Happy birthday!"),
                    "issued": card.program_id.salon_birthday_points,
                    "salon_kind": "birthday",
                    "salon_date": today,
                }
                for card in cards
            ]
        )

    @api.model
    def _salon_send_expiry_reminders(self, today):
        """Tell each client once about the points that come to expire within the program's notice: one
        message per card and run, for the accruals not announced yet."""
        programs = self.env["loyalty.program"].search(
            [
                ("salon_kind", "=", "points"),
                ("salon_reminder_days", ">", 0),
                ("salon_reminder_template_id", "!=", False),
            ]
        )
        History = self.env["loyalty.history"].sudo()
        for program in programs:
            until = today + timedelta(days=program.salon_reminder_days)
            due = History.search(
                [
                    ("card_id.program_id", "=", program.id),
                    ("card_id.partner_id", "!=", False),
                    ("salon_remaining_points", ">", 0),
                    ("salon_reminded", "=", False),
                    ("salon_expiration_date", ">=", today),
                    ("salon_expiration_date", "<=", until),
                ]
            )
            for card in due.card_id:
                card.with_context(
                    lang=card.partner_id.lang, salon_expiring_until=until
                ).message_post_with_source(
                    program.salon_reminder_template_id,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
            due.write({"salon_reminded": True})

    # ------------------------------------------------------------------ display
    def _salon_summary(self):
        """One short line per card for the client card and the booking form."""
        parts = []
        for card in self:
            if card.program_id.salon_kind == "discount_card" and card.salon_reward_id:
                discount = f"{card.salon_discount:g}"
                parts.append(self.env._("card %(discount)s%%", discount=discount))
            elif card.program_id.salon_kind == "points" and card.points:
                parts.append(card.points_display)
            elif card.program_id.program_type == "gift_card" and card.points and card.active:
                parts.append(
                    self.env._(
                        "certificate %(code)s: %(balance)s", code=card.code, balance=card.points_display
                    )
                )
        return parts
