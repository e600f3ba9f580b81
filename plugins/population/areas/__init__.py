"""The village's administrative areas (wilayah administratif): hamlets, their RWs and RTs, each
with its head, and the register's counts broken down by them."""
