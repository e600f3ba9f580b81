"""News and announcements: writing a draft, taking the lifecycle's actions, what the public sees."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.i18n import _
from core.idempotency import recall, remember
from core.kernel import Kernel
from core.workflow import WorkflowError
from plugins.public_info.site.post_lifecycle import POST_LIFECYCLE
from plugins.public_info.tables import Post, PostStep
from plugins.public_info.uploads import CheckedFile, store_file

IDEMPOTENCY_KIND = "public_info.post"
PUBLIC_PAGE = 20


def visible(now: datetime) -> Any:
    """The condition of a post the public may read at ``now``."""
    return (Post.status == "terbit") | ((Post.status == "terjadwal") & (Post.publish_at <= now))


async def write_draft(
    kernel: Kernel,
    village_code: str,
    fields: dict[str, str],
    photo: CheckedFile | None,
    *,
    actor: str,
    now: datetime,
    key: str,
) -> int:
    earlier = await recall(village_code, IDEMPOTENCY_KIND, key) if key else None
    if earlier is not None:
        return earlier
    photo_fields = {}
    if photo is not None:
        photo_fields = {
            "photo_name": store_file(kernel.settings, village_code, photo),
            "photo_type": photo.content_type,
        }
    rows = await Post.insert(
        Post(
            **fields,
            **photo_fields,
            status=POST_LIFECYCLE.initial,
            created_by=actor,
            created_at=now,
            idempotency_key=key,
        )
    ).returning(Post.id)
    post_id = int(rows[0]["id"])
    await PostStep.insert(
        PostStep(
            post=post_id, action="tulis", from_status="", to_status="draf", actor=actor, at=now
        )
    )
    if key:
        await remember(village_code, IDEMPOTENCY_KIND, key, actor, post_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action="public_info.post.write",
        entity="public_info_post",
        entity_id=post_id,
        after={"title": fields["title"]},
    )
    return post_id


async def take_post_action(
    kernel: Kernel,
    village_code: str,
    post_id: int,
    action: str,
    *,
    actor: str,
    now: datetime,
    publish_at: datetime | None = None,
) -> str:
    """Take ``action`` and return the new status; a schedule must lie in the future."""
    row = await Post.select().where(Post.id == post_id).first()
    if row is None:
        raise LookupError(post_id)
    steps = (
        await PostStep.select(PostStep.action).where(PostStep.post == post_id).order_by(PostStep.id)
    )
    state = POST_LIFECYCLE.derive(s["action"] for s in steps[1:])
    following = POST_LIFECYCLE.next_state(state, action)
    when: datetime | None = row["publish_at"]
    if action == "jadwalkan":
        if publish_at is None or publish_at <= now:
            raise WorkflowError(_("Waktu terbit harus di masa depan."))
        when = publish_at
    elif action == "terbitkan":
        when = now
    elif action == "batalkan_jadwal":
        when = None
    await PostStep.insert(
        PostStep(
            post=post_id,
            action=action,
            from_status=state,
            to_status=following,
            actor=actor,
            at=now,
            publish_at=when,
        )
    )
    await Post.update({Post.status: following, Post.publish_at: when}).where(Post.id == post_id)
    await kernel.audit(
        village_code,
        actor=actor,
        action=f"public_info.post.{action}",
        entity="public_info_post",
        entity_id=post_id,
        before={"status": state},
        after={"status": following},
    )
    return following


async def public_posts(now: datetime, limit: int = PUBLIC_PAGE) -> list[dict[str, Any]]:
    return (
        await Post.select()
        .where(visible(now))
        .order_by(Post.publish_at, ascending=False)
        .limit(limit)
    )


async def public_post(post_id: int, now: datetime) -> dict[str, Any] | None:
    return await Post.select().where((Post.id == post_id) & visible(now)).first()


async def all_posts() -> list[dict[str, Any]]:
    return await Post.select().order_by(Post.id, ascending=False)
