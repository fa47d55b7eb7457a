# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, models


class StockValuationLayer(models.Model):
    """Salon consumption is booked as one journal entry per transfer (per visit), one line per account.

    A visit uses around eight materials; stock_account would post one entry of two lines per material,
    flooding the stock journal and slowing down every visit's completion. Here the lines stock_account
    prepares are gathered into one entry per transfer and added up per account (consumption expense
    against stock valuation). The per-material detail stays in the valuation layers, which the entry
    links, and in the transfer.
    """

    _inherit = "stock.valuation.layer"

    def _validate_accounting_entries(self):
        salon = self.filtered(lambda layer: layer.stock_move_id.salon_consumption_id)
        result = super(StockValuationLayer, self - salon)._validate_accounting_entries()
        salon._salon_post_transfer_entries()
        return result

    def _salon_post_transfer_entries(self):
        moves = self.stock_move_id
        directions = moves._get_move_directions()
        entries = {}
        for layer in self:
            company = layer.company_id
            if layer.with_company(company).product_id.valuation != "real_time" or layer.currency_id.is_zero(
                layer.value
            ):
                continue
            move = layer.stock_move_id.with_context(move_directions=directions).with_company(company)
            picking = move.picking_id
            for vals in move._account_entry_move(layer.quantity, layer.description, layer.id, layer.value):
                key = (picking, vals["journal_id"], vals["date"], vals["is_storno"])
                entry = entries.setdefault(
                    key, dict(vals, ref=f"{picking.name} - {picking.origin}", line_ids={}, layer_ids=[])
                )
                entry["layer_ids"] += layer.ids
                for _command, _id, line in vals["line_ids"]:
                    self._salon_add_to_line(entry, line)
        if entries:
            vals_list = [
                dict(
                    {key: value for key, value in entry.items() if key != "layer_ids"},
                    line_ids=[Command.create(line) for line in entry["line_ids"].values()],
                    stock_valuation_layer_ids=[Command.set(entry["layer_ids"])],
                )
                for entry in entries.values()
            ]
            # sudo: as stock_account does, the entries are posted whoever validated the transfer.
            self.env["account.move"].sudo().create(vals_list)._post()

    def _salon_add_to_line(self, entry, line):
        """Add stock_account's journal line ``line`` to the entry's line of the same account."""
        key = (line["account_id"], line.get("partner_id"), str(line.get("analytic_distribution") or ""))
        total = entry["line_ids"].get(key)
        if total is None:
            entry["line_ids"][key] = {
                "name": entry["ref"],
                "ref": entry["ref"],
                "account_id": line["account_id"],
                "partner_id": line.get("partner_id"),
                "analytic_distribution": line.get("analytic_distribution"),
                "balance": line["balance"],
            }
        else:
            total["balance"] += line["balance"]
