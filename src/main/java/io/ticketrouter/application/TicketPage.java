package io.ticketrouter.application;

import java.util.List;

/**
 * One page of tickets, newest first.
 *
 * @param items      the tickets
 * @param nextBefore when older tickets remain, the reference to pass as {@code before} for the next page
 * @param nextAfter  when catching up ({@code after}) and newer tickets remain, the reference to pass as {@code after}
 */
public record TicketPage(List<TicketView> items, String nextBefore, String nextAfter) {}
