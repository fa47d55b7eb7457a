# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict

from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL, float_round

from .loyalty_history import LOYALTY_FLOW


class SaleOrder(models.Model):
    """Loyalty at the salon's checkout, on Odoo's reward engine (``sale_loyalty``).

    Before a salon order is confirmed it gets, in this order: visit-pack sessions (the covered service lines
    at 100 % off, linked to the pack), the client's discount card (a line discount, linked to the card),
    automatic promotions, then the code and the points the client chose. Odoo's reward lines keep
    ``reward_id`` and ``coupon_id``; each discount line also lists the lines it reduces
    (``salon_discounted_line_ids``), so that commissions can be based on what was actually paid
    (``beauty.visit._salon_reduction_kinds``).
    """

    _inherit = "sale.order"

    salon_points_limit = fields.Float(
        string="Points to Spend",
        copy=False,
        help="At most this many bonus points pay for this order (0: up to the program's share of the check).",
    )

    # ------------------------------------------------------------------ Odoo's engine, salon rules
    def _get_program_domain(self):
        domain = super()._get_program_domain()
        if self.env.context.get("salon_discount_cards"):
            return domain
        # Discount cards are applied by the salon to the lines themselves, never as Odoo rewards.
        return expression.AND([domain, [("salon_kind", "!=", "discount_card")]])

    def _get_trigger_domain(self):
        return expression.AND(
            [super()._get_trigger_domain(), [("program_id.salon_kind", "!=", "discount_card")]]
        )

    def _get_real_points_for_coupon(self, coupon, post_confirm=False):
        points = super()._get_real_points_for_coupon(coupon, post_confirm=post_confirm)
        if (
            coupon.program_id.salon_kind == "points"
            and coupon.program_id.applies_on != "future"
            and self.state not in ("sale", "done")
        ):
            # Points earned by an order are spent on later visits, never on the order that earns them.
            points -= sum(self.coupon_point_ids.filtered(lambda p: p.coupon_id == coupon).mapped("points"))
            points = coupon.currency_id.round(points)
        return points

    def _program_check_compute_points(self, programs):
        salon_points = programs.filtered(lambda p: p.salon_kind == "points")
        result = super()._program_check_compute_points(programs - salon_points)
        if salon_points:
            # Bonus points are earned on what the client pays with money, not with points or certificates.
            share = self._salon_money_share()
            result.update(
                super(SaleOrder, self.with_context(salon_money_share=share))._program_check_compute_points(
                    salon_points
                )
            )
        return result

    def _get_order_line_price(self, order_line, price_type):
        price = super()._get_order_line_price(order_line, price_type)
        share = self.env.context.get("salon_money_share")
        return price * share if share is not None and price_type == "price_total" else price

    def _get_reward_values_discount(self, reward, coupon, **kwargs):
        vals_list = super()._get_reward_values_discount(reward, coupon, **kwargs)
        if reward.program_id.salon_kind == "points":
            self._salon_cap_points(reward, vals_list)
        self._salon_link_discounted_lines(reward, vals_list)
        return vals_list

    def _update_loyalty_history(self, coupon_id, points):
        # The ledger line of a reward added to a confirmed order is posted with its balance change
        # (loyalty.card._salon_sync_ledger); updating Odoo's order line as well would count it twice.
        return

    def _send_reward_coupon_mail(self):
        self._salon_hold_unpaid_gift_cards()
        return super()._send_reward_coupon_mail()

    # ------------------------------------------------------------------ confirmation and cancellation
    def action_confirm(self):
        if not self.env.context.get("salon_loyalty_applied"):
            for order in self.filtered(lambda o: o.salon_visit_id and o.state in ("draft", "sent")):
                order._salon_apply_loyalty()
        self._salon_lock_cards()
        result = super(SaleOrder, self.with_context(**{LOYALTY_FLOW: True})).action_confirm()
        self.order_line._salon_consume_visit_packs()
        return result

    def _action_cancel(self):
        confirmed_lines = self.filtered(lambda o: o.state == "sale").order_line
        result = super(SaleOrder, self.with_context(**{LOYALTY_FLOW: True}))._action_cancel()
        confirmed_lines.exists()._salon_return_visit_packs(self.env._("Order cancelled"))
        return result

    def _salon_lock_cards(self):
        """Lock the cards these orders spend, so that two checkouts cannot spend the same points."""
        cards = self.order_line.coupon_id
        if cards:
            self.env.execute_query(
                SQL("SELECT id FROM loyalty_card WHERE id IN %s ORDER BY id FOR UPDATE", tuple(cards.ids))
            )
            cards.invalidate_recordset(["points"])

    # ------------------------------------------------------------------ the salon's checkout
    def _salon_apply_loyalty(self, points=0.0, code=False):
        """Give the client what they are entitled to, before confirmation (see the class docstring)."""
        self.ensure_one()
        self._salon_apply_visit_packs()
        self._salon_apply_discount_card()
        self._update_programs_and_rewards()
        self._salon_auto_apply_rewards()
        if code:
            self._salon_apply_code(code)
        if points:
            self._salon_redeem_points(points)

    def _salon_apply_visit_packs(self):
        """Pay covered service lines from the client's visit packs: the soonest-expiring pack first."""
        lines = self.order_line.filtered(
            lambda line: (
                not line.display_type
                and not line.reward_id
                and not line.salon_pack_id
                and line.product_id.is_salon_service
                and line.product_uom_qty > 0
            )
        )
        if not lines:
            return
        day = fields.Date.context_today(self, self.date_order)
        packs = self.env["beauty.visit.pack"]._salon_usable(self.partner_id, self.company_id, day)
        planned = defaultdict(float)
        for line in self.order_line.filtered("salon_pack_id"):
            planned[line.salon_pack_id] += line.product_uom_qty
        for line in lines:
            pack = next(
                (
                    pack
                    for pack in packs
                    if line.product_id in pack.service_ids
                    and pack.remaining_count - planned[pack] >= line.product_uom_qty
                ),
                None,
            )
            if pack:
                planned[pack] += line.product_uom_qty
                line.write(
                    {
                        "discount": 100.0,
                        "salon_pack_id": pack.id,
                        "salon_pack_session_value": pack.session_value,
                        "name": self.env._("%(line)s (visit pack %(pack)s)", line=line.name, pack=pack.name),
                    }
                )

    def _salon_discount_card(self):
        """The client's best discount card valid for this order (empty if none)."""
        self.ensure_one()
        cards = self.env["loyalty.card"].search(
            [
                ("partner_id", "=", self.partner_id.id),
                ("program_id.salon_kind", "=", "discount_card"),
                ("salon_reward_id", "!=", False),
            ]
        )
        domain = self.with_context(salon_discount_cards=True)._get_program_domain()
        cards = cards.filtered(lambda card: card.program_id.filtered_domain(domain))
        return cards.sorted(lambda card: (card.salon_discount, -card.id))[-1:]

    def _salon_prepaid_products(self):
        """Products that sell prepaid value (certificates, eWallet top-ups, visit packs): never discounted."""
        programs = self.env["loyalty.program"].search([("program_type", "in", ("gift_card", "ewallet"))])
        packs = self.order_line.product_id.filtered("salon_pack_ok")
        return programs.trigger_product_ids | packs

    def _salon_apply_discount_card(self):
        """Discount the eligible lines by the card's percentage (unless they already have more off)."""
        card = self._salon_discount_card()
        if not card:
            return
        program, reward = card.program_id, card.salon_reward_id
        excluded = program._salon_excluded_products_domain()
        specific = (
            reward._get_discount_product_domain() if reward.discount_applicability == "specific" else []
        )
        prepaid = self._salon_prepaid_products()
        lines = self.order_line.filtered(
            lambda line: (
                not line.display_type
                and not line.reward_id
                and not line.salon_pack_id
                and line.product_id
                and line.product_id not in prepaid
                and line.price_unit > 0
                and line.discount < reward.discount
                and not line.product_id.filtered_domain(excluded)
                and (not specific or line.product_id.filtered_domain(specific))
            )
        )
        lines.write({"discount": reward.discount, "salon_card_id": card.id})

    def _salon_points_card(self):
        """The client's bonus-points card valid for this order (empty if none)."""
        self.ensure_one()
        cards = self.env["loyalty.card"].search(
            [("partner_id", "=", self.partner_id.id), ("program_id.salon_kind", "=", "points")]
        )
        domain = self._get_program_domain()
        return cards.filtered(lambda card: card.program_id.filtered_domain(domain)).sorted("points")[-1:]

    def _salon_auto_apply_rewards(self):
        """Claim the rewards of automatic promotions the order qualifies for (as the web shop does):
        programs that are not nominative, with a single reward that is not a choice of products."""
        for coupon, rewards in self._get_claimable_rewards().items():
            program = coupon.program_id
            if (
                program.is_nominative
                or program.is_payment_program
                or len(program.reward_ids) != 1
                or rewards.multi_product
                or rewards in self.order_line.reward_id
            ):
                continue
            try:
                self._apply_program_reward(rewards, coupon)
            except UserError:
                continue  # nothing left to discount: the promotion simply does not apply

    def _salon_apply_code(self, code):
        """Apply a promotion code, a coupon or a gift certificate typed at checkout."""
        status = self._try_apply_code(code.strip())
        if "error" in status:
            raise UserError(status["error"])
        for coupon, rewards in status.items():
            if len(rewards) == 1 and not rewards.multi_product:
                result = self._apply_program_reward(rewards, coupon)
                if "error" in result:
                    raise UserError(result["error"])

    def _salon_redeem_points(self, points):
        """Spend up to ``points`` of the client's bonus points (within the program's share of the check)."""
        card = self._salon_points_card()
        if not card:
            raise UserError(self.env._("%(client)s has no bonus points card.", client=self.partner_id.name))
        # Points past their last day are taken off first, so that only valid points are spent.
        self.env["loyalty.card"]._salon_expire_points(fields.Date.context_today(self), cards=card)
        if points > card.points:
            raise UserError(
                self.env._(
                    "%(client)s has only %(points)s points.",
                    client=self.partner_id.name,
                    points=card._format_points(card.points),
                )
            )
        reward = card.program_id.reward_ids.filtered(
            lambda r: r.reward_type == "discount" and r.discount_mode == "per_point"
        )[:1]
        if not reward:
            raise UserError(
                self.env._("Program %(program)s has no reward paid in points.", program=card.program_id.name)
            )
        self.salon_points_limit = points
        self.applied_coupon_ids |= card
        result = self._apply_program_reward(reward, card)
        if "error" in result:
            raise UserError(result["error"])

    def _salon_money_share(self):
        """Share of the check paid with money: what points, certificates and eWallets pay is excluded."""
        lines = self.order_line.filtered(lambda line: not line.display_type)
        prepaid = lines.filtered(
            lambda line: (
                line.reward_id.program_id.is_payment_program
                or line.reward_id.program_id.salon_kind == "points"
            )
        )
        before = sum((lines - prepaid).mapped("price_total"))
        if before <= 0:
            return 0.0
        return max(before + sum(prepaid.mapped("price_total")), 0.0) / before

    def _salon_cap_points(self, reward, vals_list):
        """Keep the points paid within the program's share of the check and the points chosen."""
        program = reward.program_id
        check = sum(
            line.price_total
            for line in self.order_line
            if not line.display_type
            and not (line.reward_id.program_id.is_payment_program or line.reward_id.program_id == program)
        )
        limit = float("inf")
        if program.salon_points_max_share:
            limit = self.currency_id.round(check * program.salon_points_max_share / 100)
        if self.salon_points_limit:
            limit = min(limit, self.currency_id.round(self.salon_points_limit * reward.discount))
        discount = -sum(vals["price_unit"] * vals.get("product_uom_qty", 1.0) for vals in vals_list)
        if discount <= limit or discount <= 0:
            return
        factor = limit / discount
        for vals in vals_list:
            vals["price_unit"] = self.currency_id.round(vals["price_unit"] * factor)
            vals["points_cost"] = float_round(vals.get("points_cost", 0.0) * factor, precision_digits=2)

    def _salon_link_discounted_lines(self, reward, vals_list):
        """Record on each discount line the order lines it reduces (for commissions on the amount paid)."""
        if reward.discount_applicability == "cheapest":
            lines = self._cheapest_line() or self.env["sale.order.line"]
        elif reward.discount_applicability == "specific":
            lines = self._get_specific_discountable_lines(reward)
        else:
            lines = self.order_line.filtered(
                lambda line: not line.display_type and not line.reward_id and not line.combo_item_id
            )
        lines = lines.filtered(lambda line: line.product_uom_qty and line.price_total)
        for vals in vals_list:
            matching = lines
            if len(vals_list) > 1:
                taxes = {command[1] for command in vals.get("tax_id", []) if command[0] == Command.LINK}
                matching = lines.filtered(
                    lambda line, taxes=taxes: (
                        set(
                            self.fiscal_position_id.map_tax(
                                line.tax_id.filtered(lambda t: t.amount_type != "fixed")
                            ).ids
                        )
                        == taxes
                    )
                )
            vals["salon_discounted_line_ids"] = [Command.set(matching.ids)]

    # ------------------------------------------------------------------ gift certificates
    def _salon_unpaid_gift_cards(self):
        """Certificates sold by these orders and not paid for yet."""
        return self.coupon_point_ids.coupon_id.filtered(
            lambda card: (
                card.program_id.program_type == "gift_card"
                and card.order_id in self
                and not card.salon_paid_date
            )
        )

    def _salon_hold_unpaid_gift_cards(self):
        """A certificate is usable only once paid: until then it is archived (its code finds nothing)."""
        # sudo: the certificates were created by Odoo for these orders, as superuser too.
        self._salon_unpaid_gift_cards().filtered("active").sudo().active = False

    def _salon_activate_gift_cards(self):
        # sudo: paying the invoice is what activates the certificates it sold.
        cards = self.sudo().with_context(active_test=False)._salon_unpaid_gift_cards()
        cards._salon_activate()

    # ------------------------------------------------------------------ refunds
    def _salon_refund_points(self, share):
        """A share of this order was refunded: take back that share of the points it gave and return that
        share of the points it spent (they keep the expiry date of the accruals they came from)."""
        self.ensure_one()
        # sudo: refunds are posted by accounting; the ledger follows them.
        ledger = (
            self.env["loyalty.history"]
            .sudo()
            .search(
                [
                    ("order_model", "=", self._name),
                    ("order_id", "=", self.id),
                    ("salon_kind", "=", "order"),
                    ("card_id.program_id.salon_kind", "=", "points"),
                ]
            )
        )
        today = fields.Date.context_today(self)
        vals_list = []
        for line in ledger:
            take_back = float_round(line.issued * share, precision_digits=2)
            give_back = float_round(line.used * share, precision_digits=2)
            if not (take_back or give_back):
                continue
            expiry = False
            if give_back:
                taken = line.card_id._salon_points_taken_by(line)[line]
                expiry = max(
                    (batch.salon_expiration_date for batch, _points in taken if batch.salon_expiration_date),
                    default=False,
                )
            vals_list.append(
                {
                    "card_id": line.card_id.id,
                    "description": self.env._("Refund of %(order)s", order=self.name),
                    "issued": give_back,
                    "used": take_back,
                    "salon_kind": "refund",
                    "salon_date": today,
                    "salon_source_id": line.id,
                    "salon_expiration_date": expiry,
                    "order_model": self._name,
                    "order_id": self.id,
                }
            )
        if vals_list:
            self.env["loyalty.card"]._salon_post_ledger(vals_list)
