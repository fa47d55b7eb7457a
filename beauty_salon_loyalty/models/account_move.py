# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict

from odoo import Command, api, models


class AccountMove(models.Model):
    """Payment activates what a visit sold (certificates, visit packs, a better card tier); a credit note
    takes back what a refunded visit gave (points, pack sessions)."""

    _inherit = "account.move"

    def _invoice_paid_hook(self):
        result = super()._invoice_paid_hook()
        # sudo: it is the payment that activates what was sold, whoever registers it (an accountant too).
        moves = self.sudo().filtered(lambda move: move.move_type in ("out_invoice", "out_refund"))
        sale_lines = moves.filtered(
            lambda move: move.move_type == "out_invoice"
        ).invoice_line_ids.sale_line_ids
        sale_lines.order_id._salon_activate_gift_cards()
        sale_lines._salon_create_visit_packs()
        self.env["loyalty.card"].sudo()._salon_refresh_partner_tiers(moves.partner_id)
        return result

    def _post(self, soft=True):
        posted = super()._post(soft)
        refunds = posted.filtered(lambda move: move.move_type == "out_refund")
        if refunds:
            # sudo: the loyalty ledger follows the refunds accounting posts.
            refunds.sudo()._salon_refund_loyalty()
        return posted

    def _salon_refund_loyalty(self):
        """Undo, for the refunded share of each order, its points; give back refunded pack sessions and
        cancel refunded packs."""
        refunded_gross = defaultdict(float)
        sessions_back = defaultdict(float)
        packs_sold = defaultdict(float)
        for line in self.invoice_line_ids:
            for sale_line in line.sale_line_ids.filtered(lambda sl: not sl.reward_id and sl.product_uom_qty):
                ratio = min(line.quantity / sale_line.product_uom_qty, 1.0)
                refunded_gross[sale_line.order_id] += ratio * sale_line.price_unit * sale_line.product_uom_qty
                if sale_line.salon_pack_id:
                    sessions_back[sale_line] += line.quantity
                if sale_line.product_id.salon_pack_ok:
                    packs_sold[sale_line] += line.quantity
        for order, gross in refunded_gross.items():
            order_gross = sum(
                sl.price_unit * sl.product_uom_qty for sl in order.order_line if not sl.reward_id
            )
            if order_gross:
                order._salon_refund_points(min(gross / order_gross, 1.0))
        reason = self.env._("Refunded by %(refund)s", refund=", ".join(self.mapped("name")))
        if sessions_back:
            self.env["sale.order.line"].concat(*sessions_back)._salon_return_visit_packs(
                reason, sessions_back
            )
        for sale_line, quantity in packs_sold.items():
            packs = self.env["beauty.visit.pack"].search(
                [("sale_line_id", "=", sale_line.id), ("state", "in", ("active", "done"))],
                order="used_count, id",
            )
            packs[: int(quantity)]._salon_cancel(reason)

    @api.model
    def _salon_post_transfer(self, company, ref, date, lines):
        """Post one miscellaneous entry moving amounts between accounts, ``lines`` being
        ``(label, debit account, credit account, amount)``; a negative amount moves the other way.
        Returns the entry, or nothing when the branch has not set the accounts up."""
        journal = company._salon_loyalty_journal()
        line_commands = []
        for label, debit, credit, amount in lines:
            if amount < 0:
                debit, credit, amount = credit, debit, -amount
            if not (debit and credit and amount):
                continue
            line_commands += [
                Command.create({"name": label, "account_id": debit.id, "debit": amount}),
                Command.create({"name": label, "account_id": credit.id, "credit": amount}),
            ]
        if not (journal and line_commands):
            return self.browse()
        # sudo: the entry follows a sale, use or expiry that was already allowed.
        move = self.sudo().create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "company_id": company.id,
                "date": date,
                "ref": ref,
                "line_ids": line_commands,
            }
        )
        move.action_post()
        return move
